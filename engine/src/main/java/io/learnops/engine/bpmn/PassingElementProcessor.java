package io.learnops.engine.bpmn;

import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;

/**
 * Elements that do nothing themselves and pass the token on by all their outgoing flows:
 * undefined tasks ({@code bpmn:task}) and manual tasks, which complete as soon as they are
 * activated, as in Zeebe, and parallel gateways. A joining parallel gateway is activated only once
 * every incoming flow has left a token; the tokens and that decision are the sequence flows'
 * ({@link SequenceFlows}).
 */
public final class PassingElementProcessor implements ElementProcessor {

  private final ElementLifecycle lifecycle;
  private final SequenceFlows flows;

  public PassingElementProcessor(ElementLifecycle lifecycle, SequenceFlows flows) {
    this.lifecycle = lifecycle;
    this.flows = flows;
  }

  @Override
  public boolean onActivate(ElementInstance instance, FlowNode node) {
    lifecycle.passThrough(instance);
    return false;
  }

  @Override
  public void onComplete(ElementInstance instance, FlowNode node) {
    flows.leave(instance, node.outgoing());
  }
}
