package io.learnops.sandbox.moodle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flat form parameters of a web-service call, read with Moodle's array syntax:
 * {@code courses[0][shortname]=x} is element 0 of {@code courses} with key {@code shortname}.
 */
record MoodleParams(Map<String, String> values) {

  private static final Pattern ELEMENT = Pattern.compile("([a-z_]+)\\[(\\d+)]\\[([a-z_]+)]");

  Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
  }

  String required(String name) {
    return value(name).orElseThrow(
        () -> MoodleException.invalidParameter("missing required key: " + name));
  }

  long requiredLong(String name) {
    return parseLong(name, required(name));
  }

  /** Elements of an array parameter, in index order; at least one is required. */
  List<Element> list(String array) {
    Map<Integer, Map<String, String>> elements = new TreeMap<>();
    values.forEach((key, value) -> {
      Matcher m = ELEMENT.matcher(key);
      if (m.matches() && m.group(1).equals(array)) {
        elements.computeIfAbsent(Integer.parseInt(m.group(2)), i -> new TreeMap<>())
            .put(m.group(3), value);
      }
    });
    if (elements.isEmpty()) {
      throw MoodleException.invalidParameter("missing required key: " + array);
    }
    List<Element> result = new ArrayList<>();
    elements.forEach((index, fields) -> result.add(new Element(array + "[" + index + "]",
        fields)));
    return result;
  }

  private static long parseLong(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw MoodleException.invalidParameter(name + " is not an integer: " + value);
    }
  }

  /** One element of an array parameter. */
  record Element(String path, Map<String, String> fields) {

    Optional<String> value(String key) {
      return Optional.ofNullable(fields.get(key)).filter(v -> !v.isBlank());
    }

    String required(String key) {
      return value(key).orElseThrow(
          () -> MoodleException.invalidParameter("missing required key: " + path + "[" + key
              + "]"));
    }

    long requiredLong(String key) {
      return parseLong(path + "[" + key + "]", required(key));
    }

    Optional<Long> optionalLong(String key) {
      return value(key).map(v -> parseLong(path + "[" + key + "]", v));
    }
  }
}
