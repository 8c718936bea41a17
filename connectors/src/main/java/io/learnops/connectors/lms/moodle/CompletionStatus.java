package io.learnops.connectors.lms.moodle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A learner's completion of a course, with the course's completion criteria. */
public record CompletionStatus(long courseId, long userId, boolean completed,
    List<Criterion> criteria) {

  public CompletionStatus {
    criteria = List.copyOf(criteria);
  }

  /** One completion criterion; {@code completedAt} is set once it is met. */
  public record Criterion(String title, String status, boolean complete,
      Optional<Instant> completedAt) {
  }
}
