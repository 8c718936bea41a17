package io.learnops.engine.bpmn.gateway;

import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;

/**
 * Parallel gateways. Diverging, the gateway leaves by all its outgoing flows. Joining, it is
 * activated only once every incoming flow has left a token; the tokens and that decision are the
 * sequence flows' ({@link SequenceFlows}).
 */
public final class ParallelGatewayProcessor implements ElementProcessor {

  private final ElementLifecycle lifecycle;
  private final StateTransitions transitions;
  private final SequenceFlows flows;

  public ParallelGatewayProcessor(ElementLifecycle lifecycle, StateTransitions transitions, SequenceFlows flows) {
    this.lifecycle = lifecycle;
    this.transitions = transitions;
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
    flows.leave(instance, node.outgoing());
  }
}
