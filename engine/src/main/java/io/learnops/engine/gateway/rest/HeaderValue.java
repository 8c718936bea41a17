package io.learnops.engine.gateway.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A header value with parameters, e.g. {@code form-data; name="resources"; filename="a.bpmn"}.
 *
 * @param value the part before the first ';'
 * @param parameters by lower-case name; quoted values unquoted and unescaped
 */
record HeaderValue(String value, Map<String, String> parameters) {

  static HeaderValue parse(String header) {
    final List<String> pieces = splitOutsideQuotes(header == null ? "" : header);
    final Map<String, String> parameters = new HashMap<>();
    for (String piece : pieces.subList(1, pieces.size())) {
      final int equals = piece.indexOf('=');
      if (equals > 0) {
        parameters.put(
            piece.substring(0, equals).trim().toLowerCase(Locale.ROOT),
            unquote(piece.substring(equals + 1).trim()));
      }
    }
    return new HeaderValue(pieces.get(0).trim(), parameters);
  }

  /** Splits at ';' except inside quoted strings, whose backslash escapes may hide a quote. */
  private static List<String> splitOutsideQuotes(String header) {
    final List<String> pieces = new ArrayList<>();
    final StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < header.length(); i++) {
      final char c = header.charAt(i);
      if (quoted && c == '\\' && i + 1 < header.length()) {
        current.append(c).append(header.charAt(++i));
      } else if (c == '"') {
        quoted = !quoted;
        current.append(c);
      } else if (c == ';' && !quoted) {
        pieces.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    pieces.add(current.toString());
    return pieces;
  }

  private static String unquote(String value) {
    if (value.length() < 2 || !value.startsWith("\"") || !value.endsWith("\"")) {
      return value;
    }
    final StringBuilder unquoted = new StringBuilder();
    for (int i = 1; i < value.length() - 1; i++) {
      final char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() - 1) {
        unquoted.append(value.charAt(++i));
      } else {
        unquoted.append(c);
      }
    }
    return unquoted.toString();
  }
}
