package io.learnops.engine.management;

import io.learnops.engine.bpmn.EngineEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Counts engine events under Zeebe's metric names and labels, so that dashboards built for a
 * Zeebe broker read this engine too: executed process instances, element instance events, job
 * events and incident events.
 */
public final class EngineMetrics implements Consumer<EngineEvent> {

  private final MeterRegistry registry;
  private final Map<CounterId, Counter> counters = new ConcurrentHashMap<>();

  public EngineMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void accept(EngineEvent event) {
    switch (event.valueType()) {
      case "PROCESS_INSTANCE" -> elementEvent(event);
      case "JOB" -> count("zeebe.job.events", "action", action(event.intent()), "type", event.elementType());
      case "INCIDENT" -> count("zeebe.incident.events", "action", action(event.intent()));
      default -> { }
    }
  }

  private void elementEvent(EngineEvent event) {
    final String action = switch (event.intent()) {
      case "ELEMENT_ACTIVATED" -> "activated";
      case "ELEMENT_COMPLETED" -> "completed";
      case "ELEMENT_TERMINATED" -> "terminated";
      default -> null;
    };
    if (action == null) {
      return;
    }
    count("zeebe.element.instance.events", "action", action, "type", event.elementType());
    if ("PROCESS".equals(event.elementType())) {
      count("zeebe.executed.instances", "action", action, "organizationId", "null");
    }
  }

  private static String action(String intent) {
    return intent.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private void count(String name, String... tags) {
    counters.computeIfAbsent(new CounterId(name, List.of(tags)),
        id -> Counter.builder(name).tags(tags).tag("partition", "1").register(registry)).increment();
  }

  private record CounterId(String name, List<String> tags) {}
}
