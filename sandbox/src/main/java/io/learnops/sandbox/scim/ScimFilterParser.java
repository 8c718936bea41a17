package io.learnops.sandbox.scim;

import io.learnops.sandbox.org.DemoEmployee;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Parses a SCIM filter (RFC 7644 §3.4.2.2) into a predicate over employees: comparisons
 * {@code eq ne co sw ew gt ge lt le}, presence {@code pr}, {@code and}, {@code or}, {@code not}
 * and parentheses, with {@code and} binding tighter than {@code or}. String comparisons ignore
 * case, as for the case-insensitive attributes of the User schema. Anything else is
 * {@code invalidFilter}.
 */
final class ScimFilterParser {

  private static final Set<String> COMPARISONS =
      Set.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le");

  private final List<String> tokens;
  private int position;

  private ScimFilterParser(List<String> tokens) {
    this.tokens = tokens;
  }

  static Predicate<DemoEmployee> parse(String filter) {
    ScimFilterParser parser = new ScimFilterParser(tokenize(filter));
    Predicate<DemoEmployee> predicate = parser.or();
    if (parser.position < parser.tokens.size()) {
      throw ScimException.invalidFilter("unexpected '" + parser.tokens.get(parser.position)
          + "' in filter");
    }
    return predicate;
  }

  private Predicate<DemoEmployee> or() {
    Predicate<DemoEmployee> left = and();
    while (nextIs("or")) {
      position++;
      left = left.or(and());
    }
    return left;
  }

  private Predicate<DemoEmployee> and() {
    Predicate<DemoEmployee> left = factor();
    while (nextIs("and")) {
      position++;
      left = left.and(factor());
    }
    return left;
  }

  private Predicate<DemoEmployee> factor() {
    if (nextIs("not")) {
      position++;
      expect("(");
      Predicate<DemoEmployee> inner = or();
      expect(")");
      return inner.negate();
    }
    if (nextIs("(")) {
      position++;
      Predicate<DemoEmployee> inner = or();
      expect(")");
      return inner;
    }
    return comparison();
  }

  private Predicate<DemoEmployee> comparison() {
    String path = take("an attribute path");
    Function<DemoEmployee, Optional<Object>> attribute = ScimAttributes.resolve(path);
    String operator = take("an operator").toLowerCase(Locale.ROOT);
    if (operator.equals("pr")) {
      return e -> attribute.apply(e).filter(v -> !v.toString().isEmpty()).isPresent();
    }
    if (!COMPARISONS.contains(operator)) {
      throw ScimException.invalidFilter("unknown operator: " + operator);
    }
    Object expected = literal(take("a value"));
    if (expected instanceof Boolean && !operator.equals("eq") && !operator.equals("ne")) {
      throw ScimException.invalidFilter(operator + " does not apply to booleans");
    }
    return e -> attribute.apply(e).map(actual -> compare(operator, actual, expected))
        .orElse(operator.equals("ne"));
  }

  private static boolean compare(String operator, Object actual, Object expected) {
    if (actual instanceof Boolean || expected instanceof Boolean) {
      return switch (operator) {
        case "eq" -> actual.equals(expected);
        case "ne" -> !actual.equals(expected);
        default -> throw ScimException.invalidFilter(operator + " does not apply to booleans");
      };
    }
    String a = actual.toString().toLowerCase(Locale.ROOT);
    String b = String.valueOf(expected).toLowerCase(Locale.ROOT);
    return switch (operator) {
      case "eq" -> a.equals(b);
      case "ne" -> !a.equals(b);
      case "co" -> a.contains(b);
      case "sw" -> a.startsWith(b);
      case "ew" -> a.endsWith(b);
      case "gt" -> a.compareTo(b) > 0;
      case "ge" -> a.compareTo(b) >= 0;
      case "lt" -> a.compareTo(b) < 0;
      case "le" -> a.compareTo(b) <= 0;
      default -> throw ScimException.invalidFilter("unknown operator: " + operator);
    };
  }

  /** A JSON literal: a quoted string, true, false, null or a number. */
  private static Object literal(String token) {
    if (token.startsWith("\"")) {
      return token.substring(1, token.length() - 1);
    }
    return switch (token.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "null" -> "";
      default -> {
        if (!token.matches("-?\\d+(\\.\\d+)?")) {
          throw ScimException.invalidFilter("not a JSON value: " + token);
        }
        yield token;
      }
    };
  }

  private boolean nextIs(String token) {
    return position < tokens.size() && tokens.get(position).equalsIgnoreCase(token);
  }

  private void expect(String token) {
    if (!nextIs(token)) {
      throw ScimException.invalidFilter("expected '" + token + "'");
    }
    position++;
  }

  private String take(String what) {
    if (position >= tokens.size()) {
      throw ScimException.invalidFilter("filter ends where " + what + " was expected");
    }
    return tokens.get(position++);
  }

  /** Splits into parentheses, quoted strings (unescaped, kept in quotes) and words. */
  private static List<String> tokenize(String filter) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (c == '"') {
        StringBuilder value = new StringBuilder("\"");
        i++;
        while (i < filter.length() && filter.charAt(i) != '"') {
          char ch = filter.charAt(i);
          if (ch == '\\' && i + 1 < filter.length()) {
            i++;
            ch = switch (filter.charAt(i)) {
              case 'n' -> '\n';
              case 'r' -> '\r';
              case 't' -> '\t';
              case 'u' -> {
                if (i + 4 >= filter.length()) {
                  throw ScimException.invalidFilter("broken \\u escape");
                }
                char decoded = (char) Integer.parseInt(filter.substring(i + 1, i + 5), 16);
                i += 4;
                yield decoded;
              }
              default -> filter.charAt(i);
            };
          }
          value.append(ch);
          i++;
        }
        if (i >= filter.length()) {
          throw ScimException.invalidFilter("unterminated string in filter");
        }
        tokens.add(value.append('"').toString());
        i++;
      } else {
        int start = i;
        while (i < filter.length() && !Character.isWhitespace(filter.charAt(i))
            && filter.charAt(i) != '(' && filter.charAt(i) != ')' && filter.charAt(i) != '"') {
          i++;
        }
        tokens.add(filter.substring(start, i));
      }
    }
    return tokens;
  }
}
