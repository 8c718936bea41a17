package io.learnops.engine.read;

import io.learnops.engine.bpmn.EngineEvent;
import io.learnops.engine.state.UserTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * User tasks: every transition copies the task as it now is; a completed or canceled task has
 * left the live state, so its last copy is marked with the outcome and the time.
 */
final class UserTaskProjector implements Projector {

  private final EntityStore<UserTaskEntry> store;

  UserTaskProjector(EntityStore<UserTaskEntry> store) {
    this.store = store;
  }

  @Override
  public Set<String> valueTypes() {
    return Set.of("USER_TASK");
  }

  @Override
  public void seed(Lookup lookup) {
    lookup.state().userTasks.values().forEach(this::copy);
  }

  @Override
  public void project(EngineEvent event, Lookup lookup) {
    final UserTask live = lookup.state().userTasks.get(event.key());
    if (live != null) {
      copy(live);
    } else if ("COMPLETED".equals(event.intent()) || "CANCELED".equals(event.intent())) {
      store.update(event.key(), task -> task.ended(event.intent(), event.timestamp()));
    }
  }

  private void copy(UserTask t) {
    final Map<String, String> headers = new LinkedHashMap<>(t.customHeaders);
    store.put(t.key, t.processInstanceKey, new UserTaskEntry(t.key, t.name, t.state.name(), t.assignee, t.elementId,
        t.elementInstanceKey, List.copyOf(t.candidateGroups), List.copyOf(t.candidateUsers), t.bpmnProcessId,
        t.processDefinitionKey, t.processDefinitionVersion, t.processInstanceKey, t.creationDate, t.completionDate,
        t.dueDate, t.followUpDate, t.formKey, t.externalFormReference, headers, t.priority, t.tenantId));
  }
}
