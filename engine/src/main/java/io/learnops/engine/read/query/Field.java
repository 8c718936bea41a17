package io.learnops.engine.read.query;

import java.util.function.Function;

/**
 * A field of an entry as the REST API names it, with how to read its value. The value is null
 * when the entry has none (keys and dates of -1 are treated as absent).
 */
public record Field<R>(String name, FieldType type, Function<R, Object> reader) {

  @SuppressWarnings({"unchecked", "rawtypes"})
  Comparable<Object> valueOf(R entry) {
    final Object value = reader.apply(entry);
    if (value instanceof Long number && (type == FieldType.KEY || type == FieldType.DATE) && number < 0) {
      return null;
    }
    return (Comparable) value;
  }
}
