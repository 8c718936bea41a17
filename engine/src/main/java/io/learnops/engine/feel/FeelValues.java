package io.learnops.engine.feel;

import static io.learnops.engine.feel.EvaluationLimits.MAX_LIST_SIZE;
import static io.learnops.engine.feel.EvaluationLimits.MAX_STRING_LENGTH;
import static io.learnops.engine.feel.EvaluationLimits.MAX_VALUE_NESTING;
import static io.learnops.engine.feel.LimitExceeded.count;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValContext;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.valuemapper.ValueMapper;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Turns FEEL results into the JSON-shaped values variables hold: maps, lists, strings, numbers,
 * booleans and null. Temporal values become their ISO text, as Zeebe stores them.
 */
public final class FeelValues {

  private FeelValues() {}

  /** Converts a value of any size; for values bounded where they were computed (decision results). */
  public static Object toPlainJava(Object value) {
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
    return scalar(value);
  }

  /**
   * Converts an expression's result into a variable's value, within the {@link EvaluationLimits}
   * on the whole value: its nesting, its list items and context entries, its characters. A list
   * may hold the same big value many times over (FEEL shares it), so everything is counted as the
   * variable would be written out. Lists and contexts are walked here, not by the value mapper,
   * whose recursion has no limit; the mapper unpacks the rest as feel-engine always did.
   *
   * @throws LimitExceeded naming the first limit the value goes past
   */
  static Object toVariableValue(Val value, ValueMapper valueMapper) {
    return new Budget(valueMapper).convert(value, 0);
  }

  private static Object scalar(Object value) {
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
    // temporal values (dates, times, durations, periods) and anything else: their ISO text
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

  /** What one result has used of the limits so far; recursion stops one level past the nesting limit. */
  private static final class Budget {
    private final ValueMapper valueMapper;
    private long items;
    private long characters;

    Budget(ValueMapper valueMapper) {
      this.valueMapper = valueMapper;
    }

    /**
     * @param value a FEEL value, or a Java value a FEEL context holds as it was given (a variable)
     * @param enclosing how many lists and contexts hold the value
     */
    Object convert(Object value, int enclosing) {
      if (value instanceof ValList list) {
        return list(CollectionConverters.asJava(list.itemsAsSeq()), enclosing);
      }
      if (value instanceof ValContext context) {
        return map(CollectionConverters.asJava(context.context().variableProvider().getVariables()), enclosing);
      }
      if (value instanceof Map<?, ?> map) {
        return map(map, enclosing);
      }
      if (value instanceof Iterable<?> list) {
        return list(list, enclosing);
      }
      final Object scalar = scalar(value instanceof Val val ? valueMapper.unpackVal(val) : value);
      if (scalar instanceof String text) {
        characters(text);
      }
      return scalar;
    }

    private Map<String, Object> map(Map<?, ?> map, int enclosing) {
      nest(enclosing);
      final Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        final String key = String.valueOf(k);
        item();
        characters(key);
        copy.put(key, convert(v, enclosing + 1));
      });
      return copy;
    }

    private List<Object> list(Iterable<?> list, int enclosing) {
      nest(enclosing);
      final List<Object> copy = new ArrayList<>();
      list.forEach(item -> {
        item();
        copy.add(convert(item, enclosing + 1));
      });
      return copy;
    }

    private static void nest(int enclosing) {
      if (enclosing + 1 > MAX_VALUE_NESTING) {
        throw new LimitExceeded("produce a value whose objects and lists nest at most %d levels deep"
            .formatted(MAX_VALUE_NESTING), "it nests deeper");
      }
    }

    private void item() {
      if (++items > MAX_LIST_SIZE) {
        throw new LimitExceeded("produce a value of at most " + count(MAX_LIST_SIZE) + " list items and context entries",
            "it holds more");
      }
    }

    private void characters(String text) {
      characters += text.length();
      if (characters > MAX_STRING_LENGTH) {
        throw new LimitExceeded("produce a value of at most " + count(MAX_STRING_LENGTH) + " characters",
            "it holds more");
      }
    }
  }
}
