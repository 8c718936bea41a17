package io.learnops.engine.bpmn.event;

import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.behavior.ErrorPropagation;
import io.learnops.engine.bpmn.behavior.IncidentBehavior;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.model.EventType;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import io.learnops.engine.state.Incident;
import java.util.Map;

/**
 * End events behave like throw events ({@link ThrowEventBehavior}), except two. An error end event
 * throws its error to the nearest catcher and stays ACTIVATED with an incident if there is none. A
 * terminate end event, once completed, terminates everything else in its scope, which then
 * completes.
 */
public final class EndEventProcessor implements ElementProcessor {

  private final ElementLifecycle lifecycle;
  private final StateTransitions transitions;
  private final ThrowEventBehavior throwing;
  private final ErrorPropagation errors;
  private final IncidentBehavior incidents;
  private final SequenceFlows flows;

  public EndEventProcessor(ElementLifecycle lifecycle, StateTransitions transitions, ThrowEventBehavior throwing,
      ErrorPropagation errors, IncidentBehavior incidents, SequenceFlows flows) {
    this.lifecycle = lifecycle;
    this.transitions = transitions;
    this.throwing = throwing;
    this.errors = errors;
    this.incidents = incidents;
    this.flows = flows;
  }

  @Override
  public boolean onActivate(ElementInstance instance, FlowNode node) {
    if (node.eventType() != EventType.ERROR) {
      throwing.activate(instance, node);
      return false;
    }
    transitions.transition(instance, ElementState.ACTIVATED);
    final String code = node.errorCode().orElse("");
    if (!errors.throwError(instance, code, Map.of())) {
      incidents.raise(instance, Incident.ErrorType.UNHANDLED_ERROR_EVENT,
          "Expected to throw an error event with the code '%s', but it was not caught. No error events are available in the scope."
              .formatted(code),
          Incident.Retry.ACTIVATE);
    }
    return false;
  }

  @Override
  public void onComplete(ElementInstance instance, FlowNode node) {
    if (node.eventType() != EventType.TERMINATE) {
      flows.leave(instance, node.outgoing());
      return;
    }
    final ElementInstance scope = flows.complete(instance); // its record discards the scope's join tokens
    lifecycle.terminateContents(scope);
    flows.takeAll(node.outgoing(), scope);
    flows.childLeft(scope, instance);
  }
}
