package io.learnops.app.tasks;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.UserTask;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The open user tasks of one program. Its tasks live in the stage instances its process calls
 * (and in any instance those call), so the search walks the active call hierarchy below the
 * program's process instance. Works against the embedded engine and a Camunda 8.8 cluster alike.
 */
@Component
class ProgramTasks {

  private final CamundaClient client;

  ProgramTasks(CamundaClient client) {
    this.client = client;
  }

  /** Open tasks, most urgent first (priority, then due date). */
  List<OpenTask> openTasks(long programInstanceKey) {
    final List<OpenTask> tasks = new ArrayList<>();
    for (final long instanceKey : activeInstancesFrom(programInstanceKey)) {
      client.newUserTaskSearchRequest()
          .filter(f -> f.processInstanceKey(instanceKey).state(UserTaskState.CREATED))
          .send().join().items().stream().map(ProgramTasks::open).forEach(tasks::add);
    }
    tasks.sort(Comparator.comparing((OpenTask t) -> t.priority() == null ? 0 : t.priority()).reversed()
        .thenComparing(OpenTask::dueDate, Comparator.nullsLast(Comparator.naturalOrder())));
    return tasks;
  }

  private List<Long> activeInstancesFrom(long root) {
    final List<Long> found = new ArrayList<>(List.of(root));
    final Deque<Long> toVisit = new ArrayDeque<>(found);
    while (!toVisit.isEmpty()) {
      final long parent = toVisit.pop();
      client.newProcessInstanceSearchRequest()
          .filter(f -> f.parentProcessInstanceKey(parent).state(ProcessInstanceState.ACTIVE))
          .send().join().items().stream().map(ProcessInstance::getProcessInstanceKey)
          .forEach(child -> {
            found.add(child);
            toVisit.push(child);
          });
    }
    return found;
  }

  private static OpenTask open(UserTask task) {
    return new OpenTask(task.getUserTaskKey(), task.getElementId(), task.getName(), task.getBpmnProcessId(),
        task.getCandidateGroups(), task.getAssignee(), task.getDueDate(), task.getPriority(),
        task.getProcessInstanceKey());
  }
}
