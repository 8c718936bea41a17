package io.learnops.engine.bpmn.event;

import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.behavior.EscalationPropagation;
import io.learnops.engine.bpmn.behavior.JobBehavior;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.model.EventType;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;

/**
 * What intermediate throw events and end events do when activated. A message event waits for its
 * job (Zeebe sends messages from a job worker); a signal event broadcasts its signal; an escalation
 * event escalates; none, link and terminate events pass through — the completion does what they
 * mean (see the processors).
 */
public final class ThrowEventBehavior {

  private final ElementLifecycle lifecycle;
  private final StateTransitions transitions;
  private final JobBehavior jobs;
  private final SignalBroadcast signals;
  private final EscalationPropagation escalations;

  public ThrowEventBehavior(ElementLifecycle lifecycle, StateTransitions transitions, JobBehavior jobs, SignalBroadcast signals,
      EscalationPropagation escalations) {
    this.lifecycle = lifecycle;
    this.transitions = transitions;
    this.jobs = jobs;
    this.signals = signals;
    this.escalations = escalations;
  }

  public void activate(ElementInstance instance, FlowNode node) {
    if (node.isJobBased()) {
      jobs.activateWithJob(instance, node);
      return;
    }
    if (node.eventType() == EventType.SIGNAL && !signals.throwSignal(instance, node)) {
      return;
    }
    transitions.transition(instance, ElementState.ACTIVATED);
    if (node.eventType() == EventType.ESCALATION) {
      escalations.throwEscalation(instance, node.escalationCode().orElseThrow());
      if (instance.state != ElementState.ACTIVATED) {
        return; // an interrupting catch event terminated the thrower's scope
      }
    }
    lifecycle.complete(instance, null);
  }
}
