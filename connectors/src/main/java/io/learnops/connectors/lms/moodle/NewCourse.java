package io.learnops.connectors.lms.moodle;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A course to create. {@code idNumber} is our program's reference: it lets a retried job find the
 * course it created before instead of creating a second one.
 */
public record NewCourse(String fullName, String shortName, long categoryId, String idNumber,
    String summary, Optional<Instant> startDate, Optional<Instant> endDate) {

  public NewCourse {
    Objects.requireNonNull(fullName, "fullName");
    Objects.requireNonNull(shortName, "shortName");
    Objects.requireNonNull(idNumber, "idNumber");
    summary = summary == null ? "" : summary;
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(endDate, "endDate");
  }
}
