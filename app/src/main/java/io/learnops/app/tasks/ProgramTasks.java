package io.learnops.app.tasks;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The open user tasks of one program, across its stage instances. Works against the embedded
 * engine and a Camunda 8.8 cluster alike.
 */
@Component
class ProgramTasks {

  private final CamundaClient client;
  private final ProgramInstances instances;

  ProgramTasks(CamundaClient client, ProgramInstances instances) {
    this.client = client;
    this.instances = instances;
  }

  /** Open tasks, most urgent first (priority, then due date). */
  List<OpenTask> openTasks(long programInstanceKey) {
    final List<OpenTask> tasks = new ArrayList<>();
    for (final long instanceKey : instances.activeFrom(programInstanceKey)) {
      client.newUserTaskSearchRequest()
          .filter(f -> f.processInstanceKey(instanceKey).state(UserTaskState.CREATED))
          .send().join().items().stream().map(ProgramTasks::open).forEach(tasks::add);
    }
    tasks.sort(Comparator.comparing((OpenTask t) -> t.priority() == null ? 0 : t.priority()).reversed()
        .thenComparing(OpenTask::dueDate, Comparator.nullsLast(Comparator.naturalOrder())));
    return tasks;
  }

  private static OpenTask open(UserTask task) {
    return new OpenTask(task.getUserTaskKey(), task.getElementId(), task.getName(), task.getBpmnProcessId(),
        task.getCandidateGroups(), task.getAssignee(), task.getDueDate(), task.getPriority(),
        task.getProcessInstanceKey());
  }
}
