package io.learnops.engine.bpmn.event;

import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.behavior.EventSubscriptions;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.model.EventType;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;

/**
 * Intermediate catch events: a message, signal or timer event opens its subscription or timer and
 * waits ACTIVATED until the event happens ({@link CatchEventTriggers}), taking a buffered message
 * at once if one waits for it. A link catch event is where a link throw event continues: it
 * passes straight through.
 */
public final class IntermediateCatchEventProcessor implements ElementProcessor {

  private final ElementLifecycle lifecycle;
  private final StateTransitions transitions;
  private final EventSubscriptions subscriptions;
  private final CatchEventTriggers triggers;
  private final SequenceFlows flows;

  public IntermediateCatchEventProcessor(ElementLifecycle lifecycle, StateTransitions transitions,
      EventSubscriptions subscriptions, CatchEventTriggers triggers, SequenceFlows flows) {
    this.lifecycle = lifecycle;
    this.transitions = transitions;
    this.subscriptions = subscriptions;
    this.triggers = triggers;
    this.flows = flows;
  }

  @Override
  public boolean onActivate(ElementInstance instance, FlowNode node) {
    if (node.eventType() == EventType.LINK) {
      lifecycle.passThrough(instance); // a link catch event only continues the flow
    } else if (subscriptions.openCatchEvent(instance, node)) {
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
