package io.learnops.engine.bpmn.behavior;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a mapping result to its target. A target with dots ({@code order.customer.name}) writes
 * into nested objects, creating them as needed, as Zeebe's output mappings do.
 */
final class MappingTarget {

  private MappingTarget() {}

  @SuppressWarnings("unchecked")
  static void put(Map<String, Object> variables, String target, Object value) {
    final String[] path = target.split("\\.");
    Map<String, Object> current = variables;
    for (int i = 0; i < path.length - 1; i++) {
      final Object next = current.get(path[i]);
      final Map<String, Object> nested = next instanceof Map<?, ?> map
          ? new LinkedHashMap<>((Map<String, Object>) map)
          : new LinkedHashMap<>();
      current.put(path[i], nested);
      current = nested;
    }
    current.put(path[path.length - 1], value);
  }
}
