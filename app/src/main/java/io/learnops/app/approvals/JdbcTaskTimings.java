package io.learnops.app.approvals;

import io.learnops.workers.ports.TaskTimings;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** User-task events in {@code task_event}, one row per listener job key (a retry adds none). */
@Component
public class JdbcTaskTimings implements TaskTimings {

  private final JdbcClient jdbc;

  JdbcTaskTimings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(TaskEvent event) {
    if (recorded(event.jobKey())) {
      return;
    }
    try {
      jdbc.sql("""
              insert into task_event (job_key, user_task_key, event_type, element_id, process_instance_key,
                program_id, assignee, candidate_groups, due_at, occurred_at)
              values (:jobKey, :userTaskKey, :type, :elementId, :pik, :programId, :assignee, :groups, :due, :at)""")
          .param("jobKey", event.jobKey())
          .param("userTaskKey", event.userTaskKey())
          .param("type", event.eventType())
          .param("elementId", event.elementId())
          .param("pik", event.processInstanceKey())
          .param("programId", event.programId().orElse(null))
          .param("assignee", event.assignee().orElse(null))
          .param("groups", String.join(",", event.candidateGroups()))
          .param("due", event.dueDate().map(d -> d.atOffset(ZoneOffset.UTC)).orElse(null))
          .param("at", event.at().atOffset(ZoneOffset.UTC))
          .update();
    } catch (DuplicateKeyException concurrentRetry) {
      // the same job recorded at the same moment by another delivery
    }
  }

  /** The events of one user task, in order (for queue and touch time). */
  public List<RecordedEvent> events(long userTaskKey) {
    return jdbc.sql("""
            select job_key, event_type, assignee, occurred_at from task_event
             where user_task_key = :key order by occurred_at, job_key""")
        .param("key", userTaskKey)
        .query((rs, row) -> new RecordedEvent(rs.getLong("job_key"), rs.getString("event_type"),
            rs.getString("assignee"), rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant()))
        .list();
  }

  private boolean recorded(long jobKey) {
    return jdbc.sql("select count(*) from task_event where job_key = :key")
        .param("key", jobKey).query(Long.class).single() > 0;
  }

  public record RecordedEvent(long jobKey, String eventType, String assignee, java.time.Instant at) {
  }
}
