package io.learnops.engine.bpmn.container;

import io.learnops.engine.bpmn.ContainerProcessor;
import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.behavior.EventSubscriptions;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;

/**
 * Embedded subprocesses: a scope inside the process. It opens its boundary events and its event
 * subprocesses' triggers, activates its none start event, and completes once nothing is left in it.
 */
public final class SubProcessProcessor implements ContainerProcessor {

  private final ElementLifecycle lifecycle;
  private final StateTransitions transitions;
  private final EventSubscriptions subscriptions;
  private final SequenceFlows flows;

  public SubProcessProcessor(ElementLifecycle lifecycle, StateTransitions transitions, EventSubscriptions subscriptions,
      SequenceFlows flows) {
    this.lifecycle = lifecycle;
    this.transitions = transitions;
    this.subscriptions = subscriptions;
    this.flows = flows;
  }

  @Override
  public boolean onActivate(ElementInstance instance, FlowNode node) {
    if (subscriptions.openBoundaryEvents(instance, node) && subscriptions.openEventSubProcessTriggers(instance, node)) {
      transitions.transition(instance, ElementState.ACTIVATED);
      final ElementInstance start = lifecycle.activate(node.noneStartEvent(), instance);
      if (start != null) {
        lifecycle.complete(start, null);
      }
    }
    return false;
  }

  @Override
  public void onComplete(ElementInstance instance, FlowNode node) {
    flows.leave(instance, node.outgoing());
  }

  @Override
  public void onChildCompleted(ElementInstance subProcess, ElementInstance child) {
    if (flows.noTokenLeft(subProcess)) {
      lifecycle.runCompletion(subProcess);
    }
  }
}
