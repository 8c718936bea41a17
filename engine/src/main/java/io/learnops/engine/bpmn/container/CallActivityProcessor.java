package io.learnops.engine.bpmn.container;

import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.ProcessCache;
import io.learnops.engine.bpmn.behavior.EventSubscriptions;
import io.learnops.engine.bpmn.behavior.IncidentBehavior;
import io.learnops.engine.bpmn.behavior.InstanceNavigation;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.bpmn.behavior.VariableBehavior;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.feel.ExpressionLanguage.Evaluation;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Incident;
import io.learnops.engine.state.ProcessDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Call activities: the activity starts an instance of the called process as its child and waits
 * ACTIVATED for it; when the child completes, the activity completes with the child's variables.
 * A terminated call activity terminates its child with it ({@link ElementLifecycle#terminate}).
 */
public final class CallActivityProcessor implements ElementProcessor {

  private final EngineState state;
  private final ExpressionLanguage feel;
  private final ProcessCache processes;
  private final ElementLifecycle lifecycle;
  private final ProcessInstanceCreation creation;
  private final InstanceNavigation navigation;
  private final StateTransitions transitions;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final EventSubscriptions subscriptions;
  private final SequenceFlows flows;

  public CallActivityProcessor(EngineState state, ExpressionLanguage feel, ProcessCache processes,
      ElementLifecycle lifecycle, ProcessInstanceCreation creation, InstanceNavigation navigation,
      StateTransitions transitions, VariableBehavior variables, IncidentBehavior incidents,
      EventSubscriptions subscriptions, SequenceFlows flows) {
    this.state = state;
    this.feel = feel;
    this.processes = processes;
    this.lifecycle = lifecycle;
    this.creation = creation;
    this.navigation = navigation;
    this.transitions = transitions;
    this.variables = variables;
    this.incidents = incidents;
    this.subscriptions = subscriptions;
    this.flows = flows;
  }

  @Override
  public boolean onActivate(ElementInstance instance, FlowNode node) {
    if (subscriptions.openBoundaryEvents(instance, node)) {
      callProcess(instance, node);
    }
    return false;
  }

  @Override
  public void onComplete(ElementInstance instance, FlowNode node) {
    flows.leave(instance, node.outgoing());
  }

  /** The called process completed: its call activity completes with the child's variables. */
  void calledProcessCompleted(ElementInstance childRoot, Map<String, Object> childVariables) {
    final ElementInstance caller = state.elementInstances.get(childRoot.parentElementInstanceKey);
    if (caller == null || caller.state != ElementState.ACTIVATED) {
      return;
    }
    final FlowNode node = navigation.node(caller);
    final boolean handUp = node.calledElement().propagateAllChildVariables() || !node.outputs().isEmpty();
    lifecycle.complete(caller, handUp ? childVariables : Map.of());
  }

  /**
   * Starts the called process as a child instance. It gets the call activity's visible variables
   * (or, with propagateAllParentVariables off, only its input mappings); the call activity waits
   * for it.
   */
  private void callProcess(ElementInstance instance, FlowNode node) {
    final Evaluation processId = feel.evaluate(node.calledElement().processId(), variables.lookup(instance.key));
    if (processId.isFailure()) {
      incidents.raise(instance, Incident.ErrorType.EXTRACT_VALUE_ERROR, processId.error(), Incident.Retry.ACTIVATE);
      return;
    }
    final String calledId = String.valueOf(processId.value());
    final Optional<ProcessDefinition> called = calledDefinition(instance, node, calledId);
    final Optional<FlowNode> start = called.flatMap(d -> processes.get(d).noneStartEvent());
    if (start.isEmpty()) {
      incidents.raise(instance, Incident.ErrorType.CALLED_ELEMENT_ERROR, called.isEmpty()
              ? "Expected process with BPMN process id '%s' to be deployed, but not found.".formatted(calledId)
              : "Expected process '%s' to have a none start event, but it has none.".formatted(calledId),
          Incident.Retry.ACTIVATE);
      return;
    }
    transitions.transition(instance, ElementState.ACTIVATED);
    final Map<String, Object> handedDown = node.calledElement().propagateAllParentVariables()
        ? variables.visible(instance.key)
        : new LinkedHashMap<>(state.variables.getOrDefault(instance.key, Map.of()));
    creation.createCalled(called.get(), handedDown, start.get(), instance);
  }

  /** The latest version of the called process, or with deployment binding the one deployed with the caller. */
  private Optional<ProcessDefinition> calledDefinition(ElementInstance caller, FlowNode node, String processId) {
    if (!node.calledElement().deploymentBinding()) {
      return state.latestDefinition(caller.tenantId, processId);
    }
    final long deploymentKey = state.definition(caller.processDefinitionKey).orElseThrow().deploymentKey;
    return state.processDefinitions.stream()
        .filter(d -> d.deploymentKey == deploymentKey && d.bpmnProcessId.equals(processId) && d.tenantId.equals(caller.tenantId))
        .findFirst();
  }
}
