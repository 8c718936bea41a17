package io.learnops.engine.gateway.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One item of a read response, written field by field as the 8.8 client's result DTOs name them.
 * Absent values (null, or -1 for keys and dates) are left out, as Camunda leaves them out.
 */
final class JsonItem {

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  private final Map<String, Object> fields = new LinkedHashMap<>();

  /** REST v2 writes keys as strings, so that JavaScript clients keep all 64 bits. */
  JsonItem key(String name, long key) {
    if (key >= 0) {
      fields.put(name, Long.toString(key));
    }
    return this;
  }

  JsonItem date(String name, long epochMillis) {
    if (epochMillis >= 0) {
      fields.put(name, ISO.format(Instant.ofEpochMilli(epochMillis)));
    }
    return this;
  }

  JsonItem put(String name, Object value) {
    if (value != null) {
      fields.put(name, value);
    }
    return this;
  }

  Map<String, Object> toMap() {
    return fields;
  }
}
