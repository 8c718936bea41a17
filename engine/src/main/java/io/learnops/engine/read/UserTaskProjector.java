package io.learnops.engine.read;

import io.learnops.engine.record.Intent.UserTaskIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.UserTaskValue;
import io.learnops.engine.record.ValueType;
import io.learnops.engine.state.EngineState;
import java.util.Set;

/** User tasks: every transition's record describes the task as it now is. */
final class UserTaskProjector implements Projector {

  private final EntityStore<UserTaskEntry> store;

  UserTaskProjector(EntityStore<UserTaskEntry> store) {
    this.store = store;
  }

  @Override
  public Set<ValueType> valueTypes() {
    return Set.of(ValueType.USER_TASK);
  }

  @Override
  public void seed(EngineState state) {
    state.userTasks.values().forEach(t -> put(t.key, t.toValue(), t.state.name()));
  }

  @Override
  public void project(Record<?> record) {
    final UserTaskIntent intent = (UserTaskIntent) record.intent();
    final String state = intent == UserTaskIntent.CORRECTED
        ? store.get(record.key()).map(UserTaskEntry::state).orElse("CREATED")
        : stateAfter(intent);
    put(record.key(), (UserTaskValue) record.value(), state);
  }

  /**
   * A transition that ended (done or denied) leaves the task CREATED, unless it ended the task; a
   * correction keeps the transition in progress.
   */
  private static String stateAfter(UserTaskIntent intent) {
    return switch (intent) {
      case CREATING, CREATED, ASSIGNING, UPDATING, COMPLETING, COMPLETED, CANCELING, CANCELED -> intent.name();
      case ASSIGNED, ASSIGNMENT_DENIED, UPDATED, UPDATE_DENIED, COMPLETION_DENIED -> "CREATED";
      case CORRECTED -> throw new IllegalArgumentException("a correction keeps the state it finds");
    };
  }

  private void put(long key, UserTaskValue t, String state) {
    store.put(key, t.processInstanceKey(), new UserTaskEntry(key, t.name(), state, t.assignee(), t.elementId(),
        t.elementInstanceKey(), t.candidateGroups(), t.candidateUsers(), t.bpmnProcessId(), t.processDefinitionKey(),
        t.processDefinitionVersion(), t.processInstanceKey(), t.creationDate(), t.completionDate(), t.dueDate(),
        t.followUpDate(), t.formKey(), t.externalFormReference(), t.customHeaders(), t.priority(), t.tenantId()));
  }
}
