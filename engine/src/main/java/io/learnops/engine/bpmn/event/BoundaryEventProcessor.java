package io.learnops.engine.bpmn.event;

import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.behavior.InstanceNavigation;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import java.util.Map;

/**
 * Boundary events. Their activity opens their message, signal and timer subscriptions when it is
 * activated ({@link io.learnops.engine.bpmn.behavior.EventSubscriptions#openBoundaryEvents});
 * errors and escalations find them when thrown. When one is triggered, an interrupting one first
 * terminates its activity; then it is activated next to the activity and completes at once with
 * the event's variables.
 */
public final class BoundaryEventProcessor implements ElementProcessor {

  private final ElementLifecycle lifecycle;
  private final InstanceNavigation navigation;
  private final StateTransitions transitions;
  private final SequenceFlows flows;

  public BoundaryEventProcessor(ElementLifecycle lifecycle, InstanceNavigation navigation, StateTransitions transitions,
      SequenceFlows flows) {
    this.lifecycle = lifecycle;
    this.navigation = navigation;
    this.transitions = transitions;
    this.flows = flows;
  }

  /** The boundary event's event happened on the activity it is attached to. */
  public void trigger(ElementInstance activity, FlowNode boundary, Map<String, Object> eventVariables) {
    final ElementInstance scope = navigation.flowScope(activity);
    if (boundary.isInterrupting()) {
      lifecycle.terminate(activity);
    }
    final ElementInstance instance = lifecycle.activate(boundary, scope);
    if (instance != null) {
      lifecycle.complete(instance, eventVariables);
    }
  }

  @Override
  public boolean onActivate(ElementInstance instance, FlowNode node) {
    transitions.transition(instance, ElementState.ACTIVATED);
    return true;
  }

  @Override
  public void onComplete(ElementInstance instance, FlowNode node) {
    flows.leave(instance, node.outgoing());
  }
}
