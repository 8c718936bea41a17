package io.learnops.sandbox.admin;

/**
 * How one learner finished a course: {@code scaled} is xAPI's {@code result.score.scaled}
 * (0..1 here), {@code success} whether they passed.
 */
public record LearnerResult(String email, double scaled, boolean success) {

  public LearnerResult {
    if (email == null || email.isBlank()) {
      throw new IllegalArgumentException("email is required");
    }
    if (scaled < 0 || scaled > 1) {
      throw new IllegalArgumentException("scaled must be within 0..1");
    }
  }
}
