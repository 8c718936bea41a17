package io.learnops.engine.bpmn.container;

import io.learnops.engine.bpmn.ContainerProcessor;
import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.behavior.EndedInstances;
import io.learnops.engine.bpmn.behavior.EventSubscriptions;
import io.learnops.engine.bpmn.behavior.InstanceNavigation;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.bpmn.behavior.VariableBehavior;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import java.util.Map;

/**
 * A running process instance (how one starts is {@link ProcessInstanceCreation}). It completes
 * once nothing is left in it: it closes its event subprocesses' triggers, runs its end listeners,
 * and hands its variables to whoever waits for its result — a create-with-result caller, or the
 * call activity that called it.
 */
public final class ProcessProcessor implements ContainerProcessor {

  private final ElementLifecycle lifecycle;
  private final ProcessInstanceCreation creation;
  private final InstanceNavigation navigation;
  private final StateTransitions transitions;
  private final EventSubscriptions subscriptions;
  private final VariableBehavior variables;
  private final SequenceFlows flows;
  private final EndedInstances ended;
  private final CallActivityProcessor callActivities;

  public ProcessProcessor(ElementLifecycle lifecycle, ProcessInstanceCreation creation, InstanceNavigation navigation,
      StateTransitions transitions, EventSubscriptions subscriptions, VariableBehavior variables, SequenceFlows flows,
      EndedInstances ended, CallActivityProcessor callActivities) {
    this.lifecycle = lifecycle;
    this.creation = creation;
    this.navigation = navigation;
    this.transitions = transitions;
    this.subscriptions = subscriptions;
    this.variables = variables;
    this.flows = flows;
    this.ended = ended;
    this.callActivities = callActivities;
  }

  /**
   * A created instance goes on after its start listeners, or after an incident on opening its
   * event subprocesses' triggers; the start event's variables were kept on the instance.
   */
  @Override
  public boolean onActivate(ElementInstance root, FlowNode node) {
    if (subscriptions.openEventSubProcessTriggers(root, node)) {
      creation.start(root, navigation.process(root).element(root.startElementId), null);
    }
    return false;
  }

  /** The instance's end listeners are done: it is COMPLETED, and whoever waits for it gets its variables. */
  @Override
  public void onComplete(ElementInstance root, FlowNode node) {
    final Map<String, Object> result = variables.visible(root.key);
    transitions.transition(root, ElementState.COMPLETED);
    ended.completed(root, result);
    if (root.parentElementInstanceKey >= 0) {
      callActivities.calledProcessCompleted(root, result);
    }
  }

  @Override
  public void onChildCompleted(ElementInstance root, ElementInstance child) {
    if (flows.noTokenLeft(root)) {
      transitions.transition(root, ElementState.COMPLETING);
      subscriptions.closeAll(root);
      lifecycle.runCompletion(root);
    }
  }
}
