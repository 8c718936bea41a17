package io.learnops.engine.gateway.rest;

import io.learnops.engine.read.ElementInstanceEntry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per element id: how many of its instances are active, completed, terminated or have an incident. */
final class ElementStatistics {

  private ElementStatistics() {}

  static List<JsonItem> of(List<ElementInstanceEntry> elements) {
    final Map<String, long[]> counts = new TreeMap<>();
    for (final ElementInstanceEntry e : elements) {
      if ("PROCESS".equals(e.type())) {
        continue;
      }
      final long[] c = counts.computeIfAbsent(e.elementId(), id -> new long[4]);
      switch (e.state()) {
        case "COMPLETED" -> c[1]++;
        case "TERMINATED" -> c[2]++;
        default -> c[0]++;
      }
      if (e.hasIncident()) {
        c[3]++;
      }
    }
    return counts.entrySet().stream().map(entry -> new JsonItem()
        .put("elementId", entry.getKey())
        .put("active", entry.getValue()[0])
        .put("completed", entry.getValue()[1])
        .put("canceled", entry.getValue()[2])
        .put("incidents", entry.getValue()[3])).toList();
  }
}
