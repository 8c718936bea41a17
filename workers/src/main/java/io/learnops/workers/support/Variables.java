package io.learnops.workers.support;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads loosely typed job variables (JSON numbers arrive as Integer, Long or Double; forms may
 * send numbers as strings) without each worker repeating the checks.
 */
public final class Variables {

  private Variables() {
  }

  public static Optional<BigDecimal> decimal(Object value) {
    if (value instanceof BigDecimal big) {
      return Optional.of(big);
    }
    if (value instanceof Number number) {
      return Optional.of(new BigDecimal(number.toString()));
    }
    if (value instanceof String text && !text.isBlank()) {
      try {
        return Optional.of(new BigDecimal(text.trim()));
      } catch (NumberFormatException notANumber) {
        return Optional.empty();
      }
    }
    if (value instanceof Map<?, ?> map && map.containsKey("amount")) {
      return decimal(map.get("amount"));
    }
    return Optional.empty();
  }

  public static Optional<Double> number(Object value) {
    return decimal(value).map(BigDecimal::doubleValue);
  }

  public static Optional<String> text(Object value) {
    return value == null || value.toString().isBlank() ? Optional.empty()
        : Optional.of(value.toString().trim());
  }

  public static Optional<String> field(Object map, String key) {
    return map instanceof Map<?, ?> m ? text(m.get(key)) : Optional.empty();
  }

  /** A list of strings from a list variable; anything else is empty. */
  public static List<String> strings(Object value) {
    if (value instanceof Collection<?> items) {
      return items.stream().filter(item -> item != null).map(Object::toString).toList();
    }
    return List.of();
  }

  /** Objectives as text: a list becomes one line per entry. */
  public static String lines(Object value) {
    if (value instanceof Collection<?> items) {
      return items.stream().map(String::valueOf).collect(Collectors.joining("\n"));
    }
    return value == null ? "" : value.toString();
  }
}
