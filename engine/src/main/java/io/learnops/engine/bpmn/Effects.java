package io.learnops.engine.bpmn;

import io.learnops.engine.decision.Decisions;
import io.learnops.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What processing one command changed that someone outside the state waits for: instances that
 * ended (create-with-result callers), user task transitions that ended (their callers), job types with new activatable jobs (long polls and
 * streams), and the events to export. Drained by the command processor after each command.
 *
 * <p>Projections (the read model) also need what an event does not carry: variable values,
 * decision outputs, and element instances that left the state within the command.
 */
public final class Effects {
  /** process instance key → its variables at completion */
  public final Map<Long, Map<String, Object>> completedInstances = new LinkedHashMap<>();
  public final Set<Long> terminatedInstances = new LinkedHashSet<>();
  public final Set<String> activatableJobTypes = new LinkedHashSet<>();
  public final List<EngineEvent> events = new ArrayList<>();
  public final List<VariableEvent> variables = new ArrayList<>();
  public final List<DecisionEvaluation> decisionEvaluations = new ArrayList<>();
  /** element instances removed from the state during the command, by key */
  public final Map<Long, ElementInstance> removedInstances = new HashMap<>();

  /** A variable was created or updated in a scope (an element instance). */
  public record VariableEvent(String intent, long scopeKey, String name, Object value) {}

  /**
   * A decision was evaluated: by EvaluateDecision ({@code evaluationKey} set, no element
   * instance) or by a business rule task ({@code evaluationKey} -1, element instance set).
   */
  public record DecisionEvaluation(
      long timestamp, long evaluationKey, long elementInstanceKey, Decisions.Evaluation evaluation) {}

  /** user task key → empty if the transition took effect, else why it did not (denied, canceled) */
  public final Map<Long, java.util.Optional<String>> userTaskTransitionsEnded = new LinkedHashMap<>();

  public boolean isEmpty() {
    return completedInstances.isEmpty() && terminatedInstances.isEmpty() && activatableJobTypes.isEmpty() && events.isEmpty()
        && variables.isEmpty() && decisionEvaluations.isEmpty() && removedInstances.isEmpty()
        && userTaskTransitionsEnded.isEmpty();
  }

  public void clear() {
    completedInstances.clear();
    terminatedInstances.clear();
    activatableJobTypes.clear();
    events.clear();
    variables.clear();
    decisionEvaluations.clear();
    removedInstances.clear();
    userTaskTransitionsEnded.clear();
  }
}
