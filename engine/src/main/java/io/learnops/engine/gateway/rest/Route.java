package io.learnops.engine.gateway.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A method and a path template such as {@code /v2/jobs/{jobKey}/completion}.
 *
 * @param segments the template split at '/', leading empty segment dropped
 */
record Route(String method, List<String> segments, Endpoint endpoint) {

  static Route of(String method, String template, Endpoint endpoint) {
    return new Route(method, split(template), endpoint);
  }

  /** The values of the template's variables if {@code path} fits it, whatever the method. */
  Optional<Map<String, String>> match(List<String> pathSegments) {
    if (pathSegments.size() != segments.size()) {
      return Optional.empty();
    }
    final Map<String, String> parameters = new HashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      final String template = segments.get(i);
      final String actual = pathSegments.get(i);
      if (template.startsWith("{") && template.endsWith("}")) {
        parameters.put(template.substring(1, template.length() - 1), actual);
      } else if (!template.equals(actual)) {
        return Optional.empty();
      }
    }
    return Optional.of(parameters);
  }

  static List<String> split(String path) {
    final String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return List.of(trimmed.split("/", -1));
  }
}
