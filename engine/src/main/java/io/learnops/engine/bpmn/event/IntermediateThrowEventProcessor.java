package io.learnops.engine.bpmn.event;

import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;

/**
 * Intermediate throw events: none, message (by a job), signal and escalation events throw when
 * activated ({@link ThrowEventBehavior}). A link throw event continues at its link catch event when
 * it completes, as if a sequence flow led there.
 */
public final class IntermediateThrowEventProcessor implements ElementProcessor {

  private final ThrowEventBehavior throwing;
  private final SequenceFlows flows;

  public IntermediateThrowEventProcessor(ThrowEventBehavior throwing, SequenceFlows flows) {
    this.throwing = throwing;
    this.flows = flows;
  }

  @Override
  public boolean onActivate(ElementInstance instance, FlowNode node) {
    throwing.activate(instance, node);
    return false;
  }

  @Override
  public void onComplete(ElementInstance instance, FlowNode node) {
    if (node.linkTarget() == null) {
      flows.leave(instance, node.outgoing());
      return;
    }
    final ElementInstance scope = flows.complete(instance);
    flows.takeAll(node.outgoing(), scope);
    flows.jumpTo(node.linkTarget(), scope);
    flows.childLeft(scope, instance);
  }
}
