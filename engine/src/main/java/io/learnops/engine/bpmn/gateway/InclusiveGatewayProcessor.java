package io.learnops.engine.bpmn.gateway;

import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;

/**
 * Inclusive gateways. Diverging, the gateway leaves by every outgoing flow whose condition holds,
 * or the default flow ({@link ConditionalFlows}). Joining, it is activated only once it holds a
 * token and nothing else in its scope can still reach it; the tokens and that decision are the
 * sequence flows' ({@link SequenceFlows}).
 */
public final class InclusiveGatewayProcessor implements ElementProcessor {

  private final ElementLifecycle lifecycle;
  private final StateTransitions transitions;
  private final ConditionalFlows conditions;
  private final SequenceFlows flows;

  public InclusiveGatewayProcessor(ElementLifecycle lifecycle, StateTransitions transitions, ConditionalFlows conditions,
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
    conditions.select(instance, node, false).ifPresent(selected -> flows.leave(instance, selected));
  }
}
