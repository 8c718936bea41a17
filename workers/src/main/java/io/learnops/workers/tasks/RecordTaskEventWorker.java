package io.learnops.workers.tasks;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.UserTaskProperties;
import io.learnops.workers.ports.DecisionLog;
import io.learnops.workers.ports.DecisionLog.ProgramDecision;
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
 * touch time until completed, due date for the SLA breach), and on completing a decision task
 * the decision through {@link DecisionLog} (see {@link TaskDecisions}), then completes the job,
 * which lets the task go on: a failure here would block the user's action, so only the ports' own
 * exceptions (retriable) fail the job. The job key identifies a delivery, so a repeat counts once.
 */
@Component
public class RecordTaskEventWorker {

  static final String TYPE = "learnops.task.event";
  private static final String COMPLETING = "completing";

  private final TaskTimings timings;
  private final DecisionLog decisions;
  private final Clock clock;

  public RecordTaskEventWorker(TaskTimings timings, DecisionLog decisions, Clock clock) {
    this.timings = timings;
    this.decisions = decisions;
    this.clock = clock;
  }

  @JobWorker(type = TYPE, fetchVariables = {"programId", TaskDecisions.APPROVER_GROUP,
      TaskDecisions.INTAKE_DECISION, TaskDecisions.INTAKE_DECISION_REASON,
      TaskDecisions.DESIGN_CHOICE, TaskDecisions.SELECTED_VENDOR,
      TaskDecisions.SELECTION_RATIONALE, TaskDecisions.APPROVAL_OUTCOME,
      TaskDecisions.APPROVAL_COMMENT, TaskDecisions.PROGRAM_DECISION,
      TaskDecisions.IMPROVEMENT_NOTES})
  public void recordTaskEvent(ActivatedJob job, @Variable(name = "programId") String programId) {
    TaskEvent event = event(job, Optional.ofNullable(programId), Instant.now(clock));
    timings.record(event);
    // a completing listener sees the variables the task is being completed with: the decision
    if (COMPLETING.equals(event.eventType()) && programId != null) {
      TaskDecisions.of(job.getElementId(), job.getVariablesAsMap()).ifPresent(d ->
          decisions.record(new ProgramDecision(job.getKey(), programId, d.decision(), d.outcome(),
              event.assignee(), d.comment(), event.at())));
    }
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
