package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.bpmn.ProcessCache;
import io.learnops.engine.bpmn.RecordWriter;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.feel.ExpressionLanguage.Evaluation;
import io.learnops.engine.model.EventType;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.model.TimerSchedule;
import io.learnops.engine.record.Intent.TimerIntent;
import io.learnops.engine.record.RecordValue.TimerValue;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Incident;
import io.learnops.engine.state.ProcessDefinition;
import io.learnops.engine.state.Timer;
import java.util.Map;
import java.util.Optional;

/**
 * Timers of timer events: a catch or boundary event's timer on its waiting instance, an event
 * subprocess's on its scope, a timer start event's on its process definition. A timer is a record;
 * the engine turns a due one into a command. A cycle is scheduled again when it fires.
 */
public final class Timers {

  private final EngineState state;
  private final ExpressionLanguage feel;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final RecordWriter records;
  private final ProcessCache processes;
  private final CommandTime time;

  public Timers(EngineState state, ExpressionLanguage feel, VariableBehavior variables, IncidentBehavior incidents,
      RecordWriter records, ProcessCache processes, CommandTime time) {
    this.state = state;
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
    this.records = records;
    this.processes = processes;
    this.time = time;
  }

  /** Schedules the event's timer on the waiting instance; raises an incident if its expression fails. */
  public boolean schedule(ElementInstance waiting, FlowNode event) {
    final Optional<TimerSchedule> schedule = schedule(event, variables.lookup(waiting.key), waiting);
    if (schedule.isEmpty()) {
      return false;
    }
    records.write(state.nextKey(), TimerIntent.CREATED, new TimerValue(event.id(), schedule.get().dueDate(),
        schedule.get().repetitions(), schedule.get().intervalMillis(), waiting.key, waiting.processInstanceKey,
        waiting.processDefinitionKey, waiting.tenantId));
    return true;
  }

  /** Schedules the timer start events of a newly deployed latest version. */
  public void scheduleStartTimers(ProcessDefinition definition) {
    for (final FlowNode start : processes.get(definition).startEvents()) {
      if (start.eventType() != EventType.TIMER) {
        continue;
      }
      schedule(start, ExpressionLanguage.VariableLookup.of(Map.of()), null).ifPresent(schedule ->
          records.write(state.nextKey(), TimerIntent.CREATED, new TimerValue(start.id(), schedule.dueDate(),
              schedule.repetitions(), schedule.intervalMillis(), -1, -1, definition.key, definition.tenantId)));
    }
  }

  /** A cycle that fired is scheduled again, until its repetitions are used up. */
  public void reschedule(Timer fired) {
    final TimerSchedule next = TimerSchedule.next(new TimerSchedule(fired.dueDate, fired.repetitions, fired.intervalMillis));
    if (next == null) {
      return;
    }
    records.write(state.nextKey(), TimerIntent.CREATED, new TimerValue(fired.catchElementId, next.dueDate(),
        next.repetitions(), next.intervalMillis(), fired.elementInstanceKey, fired.processInstanceKey,
        fired.processDefinitionKey, fired.tenantId));
  }

  /** Cancels a timer that may no longer fire. */
  public void cancel(Timer timer) {
    records.write(timer.key, TimerIntent.CANCELED, timer.toValue());
  }

  /** Computes a timer's schedule; raises an incident on the waiting instance, if there is one, if it cannot. */
  private Optional<TimerSchedule> schedule(FlowNode event, ExpressionLanguage.VariableLookup lookup, ElementInstance incidentTarget) {
    final Evaluation value = feel.evaluate(event.timer().expression(), lookup);
    String failure = value.error();
    if (failure == null) {
      try {
        return Optional.of(TimerSchedule.of(event.timer().kind(), value.value(), time.now()));
      } catch (RuntimeException e) {
        failure = "Invalid timer %s '%s' of '%s': %s".formatted(
            event.timer().kind().name().toLowerCase(), value.value(), event.id(), e.getMessage());
      }
    }
    if (incidentTarget != null) {
      incidents.raise(incidentTarget, Incident.ErrorType.EXTRACT_VALUE_ERROR, failure, Incident.Retry.ACTIVATE);
    }
    return Optional.empty();
  }
}
