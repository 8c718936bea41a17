package io.learnops.connectors.hris.scim;

import java.util.regex.Pattern;

/**
 * A SCIM filter expression (RFC 7644 §3.4.2.2), built so that values are always quoted and
 * escaped: {@code ScimFilter.eq(Employee.DEPARTMENT, "Sales").and(ScimFilter.eq("active", true))}.
 */
public final class ScimFilter {

  private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9:._$-]*");

  private final String expression;

  private ScimFilter(String expression) {
    this.expression = expression;
  }

  public static ScimFilter eq(String attribute, String value) {
    return compare(attribute, "eq", value);
  }

  public static ScimFilter eq(String attribute, boolean value) {
    return new ScimFilter(attribute(attribute) + " eq " + value);
  }

  public static ScimFilter ne(String attribute, String value) {
    return compare(attribute, "ne", value);
  }

  public static ScimFilter co(String attribute, String value) {
    return compare(attribute, "co", value);
  }

  public static ScimFilter sw(String attribute, String value) {
    return compare(attribute, "sw", value);
  }

  public static ScimFilter ew(String attribute, String value) {
    return compare(attribute, "ew", value);
  }

  /** Greater than, e.g. on {@code meta.lastModified} with an ISO 8601 value. */
  public static ScimFilter gt(String attribute, String value) {
    return compare(attribute, "gt", value);
  }

  public static ScimFilter ge(String attribute, String value) {
    return compare(attribute, "ge", value);
  }

  public static ScimFilter lt(String attribute, String value) {
    return compare(attribute, "lt", value);
  }

  public static ScimFilter le(String attribute, String value) {
    return compare(attribute, "le", value);
  }

  public static ScimFilter present(String attribute) {
    return new ScimFilter(attribute(attribute) + " pr");
  }

  public ScimFilter and(ScimFilter other) {
    return new ScimFilter("(" + expression + ") and (" + other.expression + ")");
  }

  public ScimFilter or(ScimFilter other) {
    return new ScimFilter("(" + expression + ") or (" + other.expression + ")");
  }

  public static ScimFilter not(ScimFilter filter) {
    return new ScimFilter("not (" + filter.expression + ")");
  }

  public String expression() {
    return expression;
  }

  @Override
  public String toString() {
    return expression;
  }

  private static ScimFilter compare(String attribute, String operator, String value) {
    return new ScimFilter(attribute(attribute) + " " + operator + " " + quote(value));
  }

  private static String attribute(String attribute) {
    if (attribute == null || !ATTRIBUTE.matcher(attribute).matches()) {
      throw new IllegalArgumentException("not a SCIM attribute path: " + attribute);
    }
    return attribute;
  }

  /** A JSON string literal, as RFC 7644 requires for filter values. */
  private static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
