package io.learnops.engine.processing;

import io.learnops.engine.api.Rejection;
import io.learnops.engine.bpmn.behavior.UserTaskAttributes;
import io.learnops.engine.bpmn.behavior.UserTaskBehavior;
import io.learnops.engine.processing.EngineCommand.AssignUserTask;
import io.learnops.engine.processing.EngineCommand.CompleteUserTask;
import io.learnops.engine.processing.EngineCommand.UpdateUserTask;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.UserTask;
import java.util.Map;

/**
 * The user task commands people send through the REST API: checks that the task exists and is
 * free for a new transition (no listener of another one still running), then starts it. The
 * answer waits for the transition to take effect (see {@link UserTaskAnswers}).
 */
final class UserTaskProcessor {

  private final EngineState state;
  private final UserTaskBehavior userTasks;

  UserTaskProcessor(EngineState state, UserTaskBehavior userTasks) {
    this.state = state;
    this.userTasks = userTasks;
  }

  long assign(AssignUserTask command) {
    final boolean unassign = command.assignee() == null || command.assignee().isBlank();
    final UserTask task = ready(command.userTaskKey(), unassign ? "unassign" : "assign");
    if (!unassign && !command.allowOverride() && task.assignee != null && !task.assignee.equals(command.assignee())) {
      throw Rejection.invalidState(("Expected to assign user task %d to '%s', but it is assigned to '%s' and "
          + "allowOverride is false").formatted(task.key, command.assignee(), task.assignee));
    }
    userTasks.assign(task, unassign ? "" : command.assignee(), action(command.action(), unassign ? "unassign" : "assign"));
    return task.key;
  }

  long update(UpdateUserTask command) {
    final Map<String, Object> changes = command.changes() == null ? Map.of() : command.changes();
    changes.forEach((attribute, value) -> {
      if (!UserTaskAttributes.UPDATABLE.contains(attribute)) {
        throw Rejection.invalidArgument("Expected to update user task %d, but '%s' cannot be changed; expected one of %s"
            .formatted(command.userTaskKey(), attribute, String.join(", ", UserTaskAttributes.UPDATABLE)));
      }
      UserTaskAttributes.invalid(attribute, value).ifPresent(problem -> {
        throw Rejection.invalidArgument("Expected to update user task %d, but %s".formatted(command.userTaskKey(), problem));
      });
    });
    final UserTask task = ready(command.userTaskKey(), "update");
    userTasks.update(task, changes, action(command.action(), "update"));
    return task.key;
  }

  long complete(CompleteUserTask command) {
    final UserTask task = ready(command.userTaskKey(), "complete");
    userTasks.complete(task, command.variables(), action(command.action(), "complete"));
    return task.key;
  }

  private UserTask ready(long userTaskKey, String verb) {
    final UserTask task = state.userTasks.get(userTaskKey);
    if (task == null) {
      throw Rejection.notFound("Expected to %s user task with key '%d', but no such user task was found (it may be completed or canceled)"
          .formatted(verb, userTaskKey));
    }
    if (state.isBanned(task.processInstanceKey)) {
      throw Rejection.invalidState(("Expected to %s user task with key '%d', but its process instance %d is banned: "
          + "processing a command for it failed unexpectedly before; see the engine log")
          .formatted(verb, userTaskKey, task.processInstanceKey));
    }
    if (task.state != UserTask.State.CREATED) {
      throw Rejection.invalidState("Expected to %s user task with key '%d', but it is in state %s; wait until that transition ends"
          .formatted(verb, userTaskKey, task.state));
    }
    return task;
  }

  private static String action(String action, String fallback) {
    return action == null || action.isBlank() ? fallback : action;
  }
}
