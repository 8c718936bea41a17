package io.learnops.workers.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.learnops.workers.ports.TaskTimings;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
    new RecordTaskEventWorker(recorded::add, Clock.fixed(NOW, ZoneOffset.UTC))
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

    new RecordTaskEventWorker(recorded::add, Clock.fixed(NOW, ZoneOffset.UTC))
        .recordTaskEvent(job, null);

    assertThat(recorded).singleElement().satisfies(e -> {
      assertThat(e.eventType()).isEqualTo("unknown");
      assertThat(e.assignee()).isEmpty();
      assertThat(e.candidateGroups()).isEmpty();
      assertThat(e.programId()).isEmpty();
    });
  }
}
