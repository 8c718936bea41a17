package io.learnops.engine.bpmn.task;

import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.behavior.EventSubscriptions;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.UserTaskBehavior;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;

/**
 * User task elements (Camunda user tasks): the element opens its boundary events and creates its
 * user task, whose lifecycle — assigning, updating, completing, and the task listeners of each —
 * is {@link UserTaskBehavior}'s; the element completes when the task does, and a terminated element
 * cancels its task. (Not to be confused with {@code processing.UserTaskProcessor}, which handles
 * the user task commands.)
 */
public final class UserTaskElementProcessor implements ElementProcessor {

  private final EventSubscriptions subscriptions;
  private final UserTaskBehavior userTasks;
  private final SequenceFlows flows;

  public UserTaskElementProcessor(EventSubscriptions subscriptions, UserTaskBehavior userTasks, SequenceFlows flows) {
    this.subscriptions = subscriptions;
    this.userTasks = userTasks;
    this.flows = flows;
  }

  @Override
  public boolean onActivate(ElementInstance instance, FlowNode node) {
    if (subscriptions.openBoundaryEvents(instance, node)) {
      userTasks.activate(instance, node);
    }
    return false;
  }

  @Override
  public void onComplete(ElementInstance instance, FlowNode node) {
    flows.leave(instance, node.outgoing());
  }

  @Override
  public void onTerminate(ElementInstance instance, FlowNode node) {
    userTasks.cancel(instance, node);
  }
}
