package io.learnops.workers.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.learnops.workers.ports.DecisionLog;
import io.learnops.workers.ports.TaskTimings;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordTaskEventWorkerTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void records_the_user_task_event_with_assignee_groups_and_due_date() {
    // given an assigning listener job of the Approve task
    UserTaskProperties task = mock(UserTaskProperties.class);
    when(task.getUserTaskKey()).thenReturn(99L);
    when(task.getAssignee()).thenReturn("fin-anna");
    when(task.getCandidateGroups()).thenReturn(List.of("finance"));
    when(task.getDueDate()).thenReturn(OffsetDateTime.of(2026, 3, 5, 9, 0, 0, 0, ZoneOffset.UTC));
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(7L);
    when(job.getElementId()).thenReturn("Approve");
    when(job.getProcessInstanceKey()).thenReturn(5L);
    when(job.getUserTask()).thenReturn(task);
    when(job.getListenerEventType()).thenReturn(ListenerEventType.ASSIGNING);
    List<TaskTimings.TaskEvent> recorded = new ArrayList<>();

    // when
    new RecordTaskEventWorker(recorded::add, noDecisions(), Clock.fixed(NOW, ZoneOffset.UTC))
        .recordTaskEvent(job, "P-1");

    // then
    assertThat(recorded).containsExactly(new TaskTimings.TaskEvent(7L, 99L, "assigning",
        "Approve", 5L, Optional.of("P-1"), Optional.of("fin-anna"), List.of("finance"),
        Optional.of(Instant.parse("2026-03-05T09:00:00Z")), NOW));
  }

  @Test
  void a_job_without_user_task_properties_is_still_recorded() {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(8L);
    when(job.getElementId()).thenReturn("FixAudience");
    List<TaskTimings.TaskEvent> recorded = new ArrayList<>();

    new RecordTaskEventWorker(recorded::add, noDecisions(), Clock.fixed(NOW, ZoneOffset.UTC))
        .recordTaskEvent(job, null);

    assertThat(recorded).singleElement().satisfies(e -> {
      assertThat(e.eventType()).isEqualTo("unknown");
      assertThat(e.assignee()).isEmpty();
      assertThat(e.candidateGroups()).isEmpty();
      assertThat(e.programId()).isEmpty();
    });
  }

  @Test
  void completing_a_decision_task_records_the_decision_by_the_assignee() {
    // given the completing listener job of DecideRequest, with what the L&D owner decided
    ActivatedJob job = decideRequest(ListenerEventType.COMPLETING, "olivia");
    List<DecisionLog.ProgramDecision> decided = new ArrayList<>();

    // when
    new RecordTaskEventWorker(event -> { }, decided::add, Clock.fixed(NOW, ZoneOffset.UTC))
        .recordTaskEvent(job, "P-1");

    // then the decision is the program's, keyed by the job, at the event's time
    assertThat(decided).containsExactly(new DecisionLog.ProgramDecision(12L, "P-1", "intake",
        "decline", Optional.of("olivia"), Optional.of("No budget this year"), NOW));
  }

  @Test
  void assigning_a_decision_task_decides_nothing() {
    List<DecisionLog.ProgramDecision> decided = new ArrayList<>();

    new RecordTaskEventWorker(event -> { }, decided::add, Clock.fixed(NOW, ZoneOffset.UTC))
        .recordTaskEvent(decideRequest(ListenerEventType.ASSIGNING, "olivia"), "P-1");

    assertThat(decided).isEmpty();
  }

  @Test
  void a_decision_of_an_instance_without_a_program_is_not_recorded() {
    List<DecisionLog.ProgramDecision> decided = new ArrayList<>();

    new RecordTaskEventWorker(event -> { }, decided::add, Clock.fixed(NOW, ZoneOffset.UTC))
        .recordTaskEvent(decideRequest(ListenerEventType.COMPLETING, null), null);

    assertThat(decided).isEmpty();
  }

  private static ActivatedJob decideRequest(ListenerEventType eventType, String assignee) {
    UserTaskProperties task = mock(UserTaskProperties.class);
    when(task.getAssignee()).thenReturn(assignee);
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getKey()).thenReturn(12L);
    when(job.getElementId()).thenReturn("DecideRequest");
    when(job.getUserTask()).thenReturn(task);
    when(job.getListenerEventType()).thenReturn(eventType);
    when(job.getVariablesAsMap()).thenReturn(Map.of("programId", "P-1",
        "intakeDecision", "decline", "intakeDecisionReason", "No budget this year"));
    return job;
  }

  private static DecisionLog noDecisions() {
    return decision -> {
      throw new AssertionError("no decision expected: " + decision);
    };
  }
}
