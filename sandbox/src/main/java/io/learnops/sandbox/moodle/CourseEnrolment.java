package io.learnops.sandbox.moodle;

import java.time.Instant;
import java.util.Optional;

/**
 * A user's manual enrolment in a course and, once an LRS statement says so, their completion.
 * The one completion criterion the stand-in models is "activity completion" of the course.
 */
public record CourseEnrolment(long courseId, long userId, int roleId, Optional<Long> timeStart,
    Optional<Long> timeEnd, Optional<Instant> completedAt) {

  CourseEnrolment completed(Instant at) {
    return completedAt.isPresent() ? this
        : new CourseEnrolment(courseId, userId, roleId, timeStart, timeEnd, Optional.of(at));
  }

  CourseEnrolment updated(int newRoleId, Optional<Long> newStart, Optional<Long> newEnd) {
    return new CourseEnrolment(courseId, userId, newRoleId, newStart, newEnd, completedAt);
  }
}
