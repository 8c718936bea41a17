package io.learnops.connectors.lms.moodle;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A manual enrolment of a user in a course with a role (5 is Moodle's default student role). */
public record Enrolment(long userId, long courseId, int roleId, Optional<Instant> start,
    Optional<Instant> end) {

  public static final int STUDENT_ROLE = 5;

  public Enrolment {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  public static Enrolment student(long userId, long courseId) {
    return new Enrolment(userId, courseId, STUDENT_ROLE, Optional.empty(), Optional.empty());
  }
}
