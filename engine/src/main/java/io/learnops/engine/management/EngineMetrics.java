package io.learnops.engine.management;

import io.learnops.engine.exporter.Exporter;
import io.learnops.engine.model.ElementType;
import io.learnops.engine.record.Intent;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.JobValue;
import io.learnops.engine.record.RecordValue.ProcessInstanceValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts records under Zeebe's metric names and labels, so that dashboards built for a Zeebe
 * broker read this engine too: executed process instances, element instance events, job events
 * and incident events.
 */
public final class EngineMetrics implements Exporter {

  private final MeterRegistry registry;
  private final Map<CounterId, Counter> counters = new ConcurrentHashMap<>();

  public EngineMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void export(Record<?> record) {
    switch (record.valueType()) {
      case PROCESS_INSTANCE -> elementEvent(record.intent(), (ProcessInstanceValue) record.value());
      case JOB -> count("zeebe.job.events", "action", action(record.intent().name()),
          "type", ((JobValue) record.value()).type());
      case INCIDENT -> count("zeebe.incident.events", "action", action(record.intent().name()));
      // a command failed unexpectedly and its process instance was banned (see the engine log)
      case ERROR -> count("learnops.engine.banned.instances");
      default -> { }
    }
  }

  private void elementEvent(Intent intent, ProcessInstanceValue element) {
    final String action = intent instanceof ProcessInstanceIntent lifecycle ? switch (lifecycle) {
      case ELEMENT_ACTIVATED -> "activated";
      case ELEMENT_COMPLETED -> "completed";
      case ELEMENT_TERMINATED -> "terminated";
      default -> null;
    } : null;
    if (action == null) {
      return;
    }
    count("zeebe.element.instance.events", "action", action, "type", element.bpmnElementType().name());
    if (element.bpmnElementType() == ElementType.PROCESS) {
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
