package io.learnops.connectors.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.learnops.connectors.http.TechnicalFailure.Kind;
import java.io.IOException;

/** One Jackson mapper per client, and the translation of unreadable bodies into failures. */
public final class JsonSupport {

  private final String system;
  private final ObjectMapper mapper;

  public JsonSupport(String system) {
    this.system = system;
    this.mapper = new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** Parses a response body; an empty or unparsable one is a MALFORMED_RESPONSE failure. */
  public JsonNode read(byte[] body) {
    if (body == null || body.length == 0) {
      throw malformed("empty body where JSON was expected", null);
    }
    try {
      JsonNode node = mapper.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw malformed("empty body where JSON was expected", null);
      }
      return node;
    } catch (IOException e) {
      throw malformed("body is not valid JSON", e);
    }
  }

  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + value.getClass().getName(), e);
    }
  }

  public TechnicalFailure malformed(String message, Throwable cause) {
    return new TechnicalFailure(system, Kind.MALFORMED_RESPONSE, message, cause);
  }

  /** A required field; missing or wrong type is a MALFORMED_RESPONSE failure. */
  public JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw malformed("missing field '" + field + "'", null);
    }
    return value;
  }

  public String requiredText(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.isValueNode()) {
      throw malformed("field '" + field + "' is not a value", null);
    }
    return value.asText();
  }

  public long requiredLong(JsonNode node, String field) {
    JsonNode value = required(node, field);
    if (!value.canConvertToLong() && !(value.isTextual() && value.asText().matches("-?\\d+"))) {
      throw malformed("field '" + field + "' is not a number", null);
    }
    return value.asLong();
  }

  public static String textOrNull(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
