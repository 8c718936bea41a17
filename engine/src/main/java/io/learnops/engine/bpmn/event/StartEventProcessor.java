package io.learnops.engine.bpmn.event;

import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;

/**
 * Start events, of a process or a subprocess: activated when their scope starts, they complete at
 * once, with the variables of the event that started the scope (a message's, a signal's), which
 * whoever activated them hands over. What starts a process at a timer, message or signal start
 * event is {@link CatchEventTriggers}, the message command handler and {@link SignalBroadcast};
 * an event subprocess's start event is triggered in its scope
 * ({@link io.learnops.engine.bpmn.container.EventSubProcessProcessor}).
 */
public final class StartEventProcessor implements ElementProcessor {

  private final StateTransitions transitions;
  private final SequenceFlows flows;

  public StartEventProcessor(StateTransitions transitions, SequenceFlows flows) {
    this.transitions = transitions;
    this.flows = flows;
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
