package io.learnops.engine.processing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.learnops.engine.bpmn.Effects.Written;
import io.learnops.engine.record.Intent;
import io.learnops.engine.record.RecordValue;
import io.learnops.engine.record.ValueType;
import java.io.IOException;

/**
 * A journaled record as JSON: {@code {"k": key, "t": value type, "i": intent, "v": value}}. The
 * value type names the value's class and the intent's enum ({@link ValueType}), so a record reads
 * back as the same typed record it was written as.
 */
final class RecordJson {

  private RecordJson() {}

  static SimpleModule module() {
    return new SimpleModule("journal-records")
        .addSerializer(Written.class, new Writer())
        .addDeserializer(Written.class, new Reader());
  }

  private static final class Writer extends JsonSerializer<Written> {
    @Override
    public void serialize(Written record, JsonGenerator json, SerializerProvider provider) throws IOException {
      json.writeStartObject();
      json.writeNumberField("k", record.key());
      json.writeStringField("t", record.intent().valueType().name());
      json.writeStringField("i", record.intent().name());
      json.writeFieldName("v");
      provider.defaultSerializeValue(record.value(), json);
      json.writeEndObject();
    }
  }

  private static final class Reader extends JsonDeserializer<Written> {
    @Override
    public Written deserialize(JsonParser json, DeserializationContext context) throws IOException {
      long key = 0;
      ValueType valueType = null;
      Intent intent = null;
      RecordValue value = null;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        final String field = json.currentName();
        json.nextToken();
        switch (field) {
          case "k" -> key = json.getLongValue();
          case "t" -> valueType = ValueType.valueOf(json.getText());
          case "i" -> intent = requireType(valueType, json).intent(json.getText());
          case "v" -> value = context.readValue(json, requireType(valueType, json).valueClass());
          default -> json.skipChildren();
        }
      }
      if (intent == null || value == null) {
        throw context.weirdStringException("", Written.class, "a journaled record needs a value type, an intent and a value");
      }
      return new Written(key, intent, value);
    }

    private static ValueType requireType(ValueType valueType, JsonParser json) throws IOException {
      if (valueType == null) {
        throw new com.fasterxml.jackson.core.JsonParseException(json, "a journaled record names its value type first");
      }
      return valueType;
    }
  }
}
