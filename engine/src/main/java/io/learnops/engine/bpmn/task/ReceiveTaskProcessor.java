package io.learnops.engine.bpmn.task;

import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.behavior.EventSubscriptions;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.bpmn.event.CatchEventTriggers;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;

/**
 * Receive tasks: like a message catch event, but an activity — it opens its boundary events and
 * its message subscription and waits ACTIVATED for the message ({@link CatchEventTriggers}),
 * taking a buffered one at once if one waits for it.
 */
public final class ReceiveTaskProcessor implements ElementProcessor {

  private final StateTransitions transitions;
  private final EventSubscriptions subscriptions;
  private final CatchEventTriggers triggers;
  private final SequenceFlows flows;

  public ReceiveTaskProcessor(StateTransitions transitions, EventSubscriptions subscriptions,
      CatchEventTriggers triggers, SequenceFlows flows) {
    this.transitions = transitions;
    this.subscriptions = subscriptions;
    this.triggers = triggers;
    this.flows = flows;
  }

  @Override
  public boolean onActivate(ElementInstance instance, FlowNode node) {
    if (subscriptions.openBoundaryEvents(instance, node) && subscriptions.openCatchEvent(instance, node)) {
      transitions.transition(instance, ElementState.ACTIVATED);
      subscriptions.correlateBufferedMessage(instance, triggers::correlate);
    }
    return false;
  }

  @Override
  public void onComplete(ElementInstance instance, FlowNode node) {
    flows.leave(instance, node.outgoing());
  }
}
