package io.learnops.workers.ports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records user-task events for queue time (created → assigned), touch time (assigned →
 * completed) and SLA breaches. The same {@code jobKey} recorded twice must count once.
 */
public interface TaskTimings {

  void record(TaskEvent event);

  record TaskEvent(long jobKey, long userTaskKey, String eventType, String elementId,
      long processInstanceKey, Optional<String> programId, Optional<String> assignee,
      List<String> candidateGroups, Optional<Instant> dueDate, Instant at) {
  }
}
