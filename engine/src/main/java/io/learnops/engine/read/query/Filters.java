package io.learnops.engine.read.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnops.engine.api.Rejection;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns a request's {@code filter} object into a predicate. A field holds either a plain value
 * (equality) or an object of operators, as the 8.8 client writes them: {@code $eq}, {@code $neq},
 * {@code $in}, {@code $notIn}, {@code $like} ({@code *} and {@code ?} wildcards), {@code $exists},
 * and {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte} for numbers, keys and dates. An unknown
 * field or operator is a 400 naming it.
 *
 * <p>The client's generated filter models start {@code $in} (and list fields such as {@code tags})
 * as empty lists and always send them, so an empty list means "no condition", never "nothing".
 */
public final class Filters {

  private Filters() {}

  public static <R> Predicate<R> parse(JsonNode filter, Schema<R> schema) {
    if (filter == null || filter.isNull()) {
      return r -> true;
    }
    if (!filter.isObject()) {
      throw Rejection.invalidArgument("Expected 'filter' to be an object");
    }
    Predicate<R> all = r -> true;
    for (final Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
      final Map.Entry<String, JsonNode> member = it.next();
      if (isAbsent(member.getValue())) {
        continue;
      }
      all = all.and(parseField(member.getKey(), member.getValue(), schema));
    }
    return all;
  }

  private static <R> Predicate<R> parseField(String name, JsonNode value, Schema<R> schema) {
    final var custom = schema.customFilter(name);
    if (custom.isPresent()) {
      return custom.get().apply(value);
    }
    final Field<R> field = schema.field(name).orElseThrow(() -> Rejection.invalidArgument(
        "Unknown filter field '%s' for %s; known fields: %s".formatted(name, schema.resource(), schema.fieldNames())));
    return condition(field, value);
  }

  /** A plain value or an operator object, applied to one field. */
  public static <R> Predicate<R> condition(Field<R> field, JsonNode value) {
    final Condition condition = Condition.of(field.name(), field.type(), value);
    return entry -> condition.test(field.valueOf(entry));
  }

  /** A parsed condition on one value, reusable for values that are not fields (variable values). */
  public record Condition(List<Predicate<Object>> tests) {

    public static Condition of(String name, FieldType type, JsonNode value) {
      final List<Predicate<Object>> tests = new ArrayList<>();
      if (!value.isObject()) {
        final Object operand = operand(name, type, value);
        tests.add(v -> Objects.equals(v, operand));
        return new Condition(tests);
      }
      for (final Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        final Map.Entry<String, JsonNode> op = it.next();
        if (!isAbsent(op.getValue())) {
          tests.add(operator(name, type, op.getKey(), op.getValue()));
        }
      }
      return new Condition(tests);
    }

    public boolean test(Object value) {
      for (final Predicate<Object> test : tests) {
        if (!test.test(value)) {
          return false;
        }
      }
      return true;
    }
  }

  static boolean isAbsent(JsonNode value) {
    return value.isNull() || (value.isArray() && value.isEmpty());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Predicate<Object> operator(String name, FieldType type, String operator, JsonNode operand) {
    return switch (operator) {
      case "$eq" -> {
        final Object expected = operand(name, type, operand);
        yield v -> Objects.equals(v, expected);
      }
      case "$neq" -> {
        final Object unexpected = operand(name, type, operand);
        yield v -> !Objects.equals(v, unexpected);
      }
      case "$exists" -> {
        final boolean exists = operand.asBoolean();
        yield v -> (v != null) == exists;
      }
      case "$in" -> {
        final Set<Object> values = operands(name, type, operator, operand);
        yield values::contains;
      }
      case "$notIn" -> {
        final Set<Object> values = operands(name, type, operator, operand);
        yield v -> !values.contains(v);
      }
      case "$like" -> {
        final Pattern pattern = like(operand.asText());
        yield v -> v != null && pattern.matcher(v.toString()).matches();
      }
      case "$gt", "$gte", "$lt", "$lte" -> {
        if (!type.isOrdered() || type == FieldType.STRING) {
          throw Rejection.invalidArgument(
              "Operator '%s' is not supported for filter field '%s'".formatted(operator, name));
        }
        final Comparable bound = (Comparable) operand(name, type, operand);
        yield v -> v != null && compares(operator, ((Comparable) v).compareTo(bound));
      }
      default -> throw Rejection.invalidArgument(
          "Unknown operator '%s' in filter field '%s'; known: $eq, $neq, $in, $notIn, $like, $exists, $gt, $gte, $lt, $lte"
              .formatted(operator, name));
    };
  }

  private static boolean compares(String operator, int comparison) {
    return switch (operator) {
      case "$gt" -> comparison > 0;
      case "$gte" -> comparison >= 0;
      case "$lt" -> comparison < 0;
      default -> comparison <= 0;
    };
  }

  private static Set<Object> operands(String name, FieldType type, String operator, JsonNode array) {
    if (!array.isArray()) {
      throw Rejection.invalidArgument("Expected '%s' of filter field '%s' to be an array".formatted(operator, name));
    }
    final Set<Object> values = new HashSet<>();
    array.forEach(element -> values.add(operand(name, type, element)));
    return values;
  }

  /** {@code *} matches any run of characters, {@code ?} any one; a backslash escapes them. */
  static Pattern like(String wildcard) {
    final StringBuilder regex = new StringBuilder();
    for (int i = 0; i < wildcard.length(); i++) {
      final char c = wildcard.charAt(i);
      if (c == '\\' && i + 1 < wildcard.length()) {
        regex.append(Pattern.quote(String.valueOf(wildcard.charAt(++i))));
      } else if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  static Object operand(String name, FieldType type, JsonNode value) {
    try {
      return switch (type) {
        case KEY -> value.isNumber() ? value.asLong() : Long.parseLong(value.asText().trim());
        case INT -> value.isNumber() ? value.asInt() : Integer.parseInt(value.asText().trim());
        case DATE -> OffsetDateTime.parse(value.asText()).toInstant().toEpochMilli();
        case BOOLEAN -> value.isBoolean() ? value.asBoolean() : Boolean.parseBoolean(value.asText());
        case STRING -> value.isValueNode() ? value.asText() : invalid(name, value);
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      return invalid(name, value);
    }
  }

  private static Object invalid(String name, JsonNode value) {
    throw Rejection.invalidArgument("Invalid value %s for filter field '%s'".formatted(value, name));
  }
}
