package io.learnops.engine.bpmn.container;

import io.learnops.engine.bpmn.ContainerProcessor;
import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.behavior.EventSubscriptions;
import io.learnops.engine.bpmn.behavior.InstanceNavigation;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.bpmn.behavior.VariableMappings;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import java.util.Map;

/**
 * Event subprocesses. Their scope (a process or subprocess) holds their message, timer and signal
 * triggers while it runs; errors and escalations find them when thrown. A triggered one starts in
 * that scope ({@link #start}) and completes, like a subprocess, once nothing is left in it.
 */
public final class EventSubProcessProcessor implements ContainerProcessor {

  private final ElementLifecycle lifecycle;
  private final InstanceNavigation navigation;
  private final StateTransitions transitions;
  private final VariableMappings mappings;
  private final EventSubscriptions subscriptions;
  private final SequenceFlows flows;

  public EventSubProcessProcessor(ElementLifecycle lifecycle, InstanceNavigation navigation,
      StateTransitions transitions, VariableMappings mappings, EventSubscriptions subscriptions, SequenceFlows flows) {
    this.lifecycle = lifecycle;
    this.navigation = navigation;
    this.transitions = transitions;
    this.mappings = mappings;
    this.subscriptions = subscriptions;
    this.flows = flows;
  }

  /**
   * Runs the event subprocess of the triggered start event in its scope. An interrupting one first
   * terminates everything else in the scope and closes the scope's other event-subprocess
   * triggers; a non-interrupting one runs alongside, and its trigger stays open.
   */
  public void start(ElementInstance scope, FlowNode startEvent, Map<String, Object> eventVariables) {
    final FlowNode eventSubProcess = startEvent.flowScope().orElseThrow();
    if (startEvent.isInterrupting()) {
      lifecycle.terminateContents(scope); // its join tokens go when the event subprocess activates
      subscriptions.closeEventSubProcessTriggers(scope, navigation.node(scope));
    }
    final ElementInstance instance = transitions.newInstance(eventSubProcess, scope, eventSubProcess.type());
    if (!mappings.applyInput(instance, eventSubProcess)) {
      return;
    }
    transitions.transition(instance, ElementState.ACTIVATED);
    lifecycle.activateTriggered(startEvent, instance, eventVariables);
  }

  /** Only its trigger starts an event subprocess ({@link #start}); no flow leads to one. */
  @Override
  public boolean onActivate(ElementInstance instance, FlowNode node) {
    throw new IllegalStateException("cannot activate " + node);
  }

  @Override
  public void onComplete(ElementInstance instance, FlowNode node) {
    flows.leave(instance, node.outgoing());
  }

  @Override
  public void onChildCompleted(ElementInstance eventSubProcess, ElementInstance child) {
    if (flows.noTokenLeft(eventSubProcess)) {
      lifecycle.runCompletion(eventSubProcess);
    }
  }
}
