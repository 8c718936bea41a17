package io.learnops.engine.state;

import io.learnops.engine.record.Intent.UserTaskIntent;
import io.learnops.engine.record.RecordValue.UserTaskValue;

/**
 * User tasks in the state. Every record carries the whole task, the transition in progress
 * included, so each applier puts the task as the record describes it, in the state its intent
 * leads to; the task's element knows it from CREATING on. A transition that begins starts at its
 * first task listener; the listeners' completed jobs move it on ({@link JobAppliers}).
 */
final class UserTaskAppliers {

  private final EngineState state;

  UserTaskAppliers(EngineState state) {
    this.state = state;
  }

  void registerIn(EventAppliers appliers) {
    for (final UserTaskIntent intent : UserTaskIntent.values()) {
      appliers.<UserTaskValue>register(intent, (key, task, at) -> apply(intent, key, task));
    }
  }

  private void apply(UserTaskIntent intent, long key, UserTaskValue value) {
    final UserTask current = state.userTasks.get(key);
    switch (intent) {
      case COMPLETED, CANCELED -> state.userTasks.remove(key);
      case CORRECTED -> state.userTasks.put(key, UserTask.of(key, value, current.state, current.nextListener));
      case CREATING -> {
        state.userTasks.put(key, UserTask.of(key, value, UserTask.State.CREATING, 0));
        final ElementInstance element = state.elementInstances.get(value.elementInstanceKey());
        if (element != null) {
          element.userTaskKey = key;
        }
      }
      case ASSIGNING -> state.userTasks.put(key, UserTask.of(key, value, UserTask.State.ASSIGNING, 0));
      case UPDATING -> state.userTasks.put(key, UserTask.of(key, value, UserTask.State.UPDATING, 0));
      case COMPLETING -> state.userTasks.put(key, UserTask.of(key, value, UserTask.State.COMPLETING, 0));
      case CANCELING -> state.userTasks.put(key, UserTask.of(key, value, UserTask.State.CANCELING, 0));
      case CREATED, ASSIGNED, ASSIGNMENT_DENIED, UPDATED, UPDATE_DENIED, COMPLETION_DENIED ->
          state.userTasks.put(key, UserTask.of(key, value, UserTask.State.CREATED, 0));
    }
  }
}
