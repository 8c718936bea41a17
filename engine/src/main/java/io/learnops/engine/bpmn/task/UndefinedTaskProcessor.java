package io.learnops.engine.bpmn.task;

import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;

/**
 * Undefined tasks ({@code bpmn:task}) and manual tasks: there is nothing for the engine to do, so
 * they complete as soon as they are activated, as in Zeebe.
 */
public final class UndefinedTaskProcessor implements ElementProcessor {

  private final ElementLifecycle lifecycle;
  private final StateTransitions transitions;
  private final SequenceFlows flows;

  public UndefinedTaskProcessor(ElementLifecycle lifecycle, StateTransitions transitions, SequenceFlows flows) {
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
