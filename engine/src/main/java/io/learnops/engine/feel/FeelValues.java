package io.learnops.engine.feel;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns FEEL results into the JSON-shaped values variables hold: maps, lists, strings, numbers,
 * booleans and null. Temporal values become their ISO text, as Zeebe stores them.
 */
public final class FeelValues {

  private FeelValues() {}

  public static Object toPlainJava(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof BigDecimal decimal) {
      return normalise(decimal);
    }
    if (value instanceof Double || value instanceof Float) {
      return normalise(BigDecimal.valueOf(((Number) value).doubleValue()));
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof Map<?, ?> map) {
      final Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), toPlainJava(v)));
      return copy;
    }
    if (value instanceof Iterable<?> items) {
      final List<Object> copy = new ArrayList<>();
      items.forEach(item -> copy.add(toPlainJava(item)));
      return copy;
    }
    if (value instanceof TemporalAccessor || value instanceof Duration || value instanceof Period) {
      return value.toString();
    }
    return value.toString();
  }

  /** Whole numbers as longs, so that {@code 3} stays {@code 3} in JSON rather than {@code 3.0}. */
  private static Object normalise(BigDecimal decimal) {
    final BigDecimal stripped = decimal.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
        && stripped.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
      return stripped.toBigInteger().longValue();
    }
    return decimal;
  }
}
