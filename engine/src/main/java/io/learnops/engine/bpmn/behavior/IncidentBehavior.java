package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.bpmn.RecordWriter;
import io.learnops.engine.record.Intent.IncidentIntent;
import io.learnops.engine.record.RecordValue.IncidentValue;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Incident;

/**
 * An incident stops an element at the step that failed (an expression, a mapping, a job's type or
 * retries) and records which step that was ({@link Incident.Retry}), so that resolving it runs that
 * step again rather than the element from the start.
 */
public final class IncidentBehavior {

  private final EngineState state;
  private final RecordWriter records;

  public IncidentBehavior(EngineState state, RecordWriter records) {
    this.state = state;
    this.records = records;
  }

  public void raise(ElementInstance instance, Incident.ErrorType type, String message, Incident.Retry retry) {
    raise(instance, type, message, retry, -1);
  }

  /** An incident on the element, for its job if {@code jobKey} is one (-1 otherwise). */
  public void raise(ElementInstance instance, Incident.ErrorType type, String message, Incident.Retry retry, long jobKey) {
    records.write(state.nextKey(), IncidentIntent.CREATED, new IncidentValue(type, message, retry, instance.key,
        instance.elementId, instance.processInstanceKey, instance.processDefinitionKey, instance.bpmnProcessId, jobKey,
        instance.tenantId));
  }

  /** A terminated element takes its incidents with it: there is no step left to run again. */
  public void resolveAll(ElementInstance instance) {
    state.incidents.values().stream().filter(incident -> incident.elementInstanceKey == instance.key).toList()
        .forEach(incident -> records.write(incident.key, IncidentIntent.RESOLVED, incident.toValue()));
  }
}
