package io.learnops.engine.bpmn.event;

import io.learnops.engine.bpmn.MessageStart;
import io.learnops.engine.bpmn.ProcessCache;
import io.learnops.engine.bpmn.RecordWriter;
import io.learnops.engine.bpmn.behavior.IncidentBehavior;
import io.learnops.engine.bpmn.behavior.VariableBehavior;
import io.learnops.engine.bpmn.container.ProcessInstanceCreation;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.feel.ExpressionLanguage.Evaluation;
import io.learnops.engine.model.EventType;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.record.Intent.SignalIntent;
import io.learnops.engine.record.RecordValue.SignalValue;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Incident;
import io.learnops.engine.state.ProcessDefinition;
import io.learnops.engine.state.Subscription;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signals, thrown by a signal throw or end event or broadcast by a client: a signal reaches every
 * subscription to its name in the tenant (catch events, boundary events, event subprocesses), one
 * after the other, each running to the end before the next, and starts every latest process
 * version with a signal start event of that name.
 */
public final class SignalBroadcast {

  private final EngineState state;
  private final ExpressionLanguage feel;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final RecordWriter records;
  private final ProcessCache processes;
  private final CatchEventTriggers triggers;
  private final ProcessInstanceCreation creation;

  public SignalBroadcast(EngineState state, ExpressionLanguage feel, VariableBehavior variables,
      IncidentBehavior incidents, RecordWriter records, ProcessCache processes, CatchEventTriggers triggers,
      ProcessInstanceCreation creation) {
    this.state = state;
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
    this.records = records;
    this.processes = processes;
    this.triggers = triggers;
    this.creation = creation;
  }

  /**
   * Broadcasts the event's signal, with the event's local variables (its input mappings).
   *
   * @return false after raising an incident if the signal's name cannot be evaluated
   */
  public boolean throwSignal(ElementInstance instance, FlowNode node) {
    final Evaluation name = feel.evaluate(node.signalName(), variables.lookup(instance.key));
    if (name.isFailure()) {
      incidents.raise(instance, Incident.ErrorType.EXTRACT_VALUE_ERROR, name.error(), Incident.Retry.ACTIVATE);
      return false;
    }
    final Map<String, Object> signalVariables = new LinkedHashMap<>(state.variables.getOrDefault(instance.key, Map.of()));
    records.write(state.nextKey(), SignalIntent.BROADCASTED,
        new SignalValue(String.valueOf(name.value()), signalVariables, instance.tenantId));
    broadcast(String.valueOf(name.value()), signalVariables, instance.tenantId);
    return true;
  }

  /** Triggers every signal subscription and signal start event of that name. */
  public void broadcast(String signalName, Map<String, Object> signalVariables, String tenantId) {
    for (final Subscription subscription : state.subscriptions(Subscription.Kind.SIGNAL, tenantId, signalName, null)) {
      if (state.subscriptions.containsKey(subscription.key) && !state.isBanned(subscription.processInstanceKey)) {
        triggers.correlate(subscription, -1, signalVariables);
      }
    }
    for (final ProcessDefinition definition : state.latestDefinitions()) {
      if (!definition.tenantId.equals(tenantId)) {
        continue;
      }
      processes.get(definition).startEvents().stream()
          .filter(start -> start.eventType() == EventType.SIGNAL && start.signalName().isStatic()
              && signalName.equals(start.signalName().staticValue()))
          .findFirst()
          .ifPresent(start -> creation.create(definition, Map.of(), start, new LinkedHashMap<>(signalVariables),
              MessageStart.NONE));
    }
  }
}
