package io.learnops.sandbox.moodle;

import java.util.Optional;

/** A course in the stand-in; dates are Unix seconds as Moodle stores them. */
public record MoodleCourse(long id, String shortName, String fullName, long categoryId,
    String idNumber, String summary, Optional<Long> startDate, Optional<Long> endDate) {
}
