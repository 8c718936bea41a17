package io.learnops.workers.tasks;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.UserTaskProperties;
import io.learnops.workers.ports.TaskTimings;
import io.learnops.workers.ports.TaskTimings.TaskEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.task.event}: the task listener on every user task ({@code assigning},
 * {@code completing}). Records the event through {@link TaskTimings} (queue time until assigned,
 * touch time until completed, due date for the SLA breach) and completes the job, which lets the
 * task go on: a failure here would block the user's action, so only the port's own exceptions
 * (retriable) fail the job. The job key identifies a delivery, so a repeat counts once.
 */
@Component
public class RecordTaskEventWorker {

  static final String TYPE = "learnops.task.event";

  private final TaskTimings timings;
  private final Clock clock;

  public RecordTaskEventWorker(TaskTimings timings, Clock clock) {
    this.timings = timings;
    this.clock = clock;
  }

  @JobWorker(type = TYPE, fetchVariables = {"programId"})
  public void recordTaskEvent(ActivatedJob job, @Variable(name = "programId") String programId) {
    timings.record(event(job, Optional.ofNullable(programId), Instant.now(clock)));
  }

  static TaskEvent event(ActivatedJob job, Optional<String> programId, Instant at) {
    UserTaskProperties task = job.getUserTask();
    String eventType = job.getListenerEventType() == null ? "unknown"
        : job.getListenerEventType().name().toLowerCase(java.util.Locale.ROOT);
    return new TaskEvent(job.getKey(),
        task == null || task.getUserTaskKey() == null ? 0L : task.getUserTaskKey(), eventType,
        job.getElementId(), job.getProcessInstanceKey(), programId,
        Optional.ofNullable(task).map(UserTaskProperties::getAssignee).filter(a -> !a.isBlank()),
        task == null || task.getCandidateGroups() == null ? List.of()
            : List.copyOf(task.getCandidateGroups()),
        Optional.ofNullable(task).map(UserTaskProperties::getDueDate)
            .map(OffsetDateTime::toInstant),
        at);
  }
}
