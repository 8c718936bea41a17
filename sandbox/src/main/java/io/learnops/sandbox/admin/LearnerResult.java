package io.learnops.sandbox.admin;

/**
 * How one learner finished a course: {@code scaled} is xAPI's {@code result.score.scaled}
 * (0..1 here), {@code success} whether they passed, and {@code preTestScaled} their score in the
 * pre-test before the course, when they took one (null when not): then {@code scaled} also counts
 * as their post-test score, and L2 sees a knowledge gain.
 */
public record LearnerResult(String email, double scaled, boolean success, Double preTestScaled) {

  public LearnerResult {
    if (email == null || email.isBlank()) {
      throw new IllegalArgumentException("email is required");
    }
    if (scaled < 0 || scaled > 1) {
      throw new IllegalArgumentException("scaled must be within 0..1");
    }
    if (preTestScaled != null && (preTestScaled < 0 || preTestScaled > 1)) {
      throw new IllegalArgumentException("preTestScaled must be within 0..1");
    }
  }
}
