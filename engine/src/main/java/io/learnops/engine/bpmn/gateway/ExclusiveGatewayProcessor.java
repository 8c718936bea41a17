package io.learnops.engine.bpmn.gateway;

import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;

/**
 * Exclusive gateways: the token passes straight through and leaves by the first outgoing flow whose
 * condition holds, or the default flow ({@link ConditionalFlows}). Joining needs nothing: every
 * arriving flow passes on its own.
 */
public final class ExclusiveGatewayProcessor implements ElementProcessor {

  private final ElementLifecycle lifecycle;
  private final StateTransitions transitions;
  private final ConditionalFlows conditions;
  private final SequenceFlows flows;

  public ExclusiveGatewayProcessor(ElementLifecycle lifecycle, StateTransitions transitions, ConditionalFlows conditions,
      SequenceFlows flows) {
    this.lifecycle = lifecycle;
    this.transitions = transitions;
    this.conditions = conditions;
    this.flows = flows;
  }

  @Override
  public boolean onActivate(ElementInstance instance, FlowNode node) {
    transitions.transition(instance, ElementState.ACTIVATED);
    lifecycle.complete(instance, null);
    return false;
  }

  @Override
  public void onComplete(ElementInstance instance, FlowNode node) {
    conditions.select(instance, node, true).ifPresent(selected -> flows.leave(instance, selected));
  }
}
