package io.learnops.workers.evaluation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pass rate = learners who passed / learners who attempted; first-attempt pass rate = learners
 * whose first attempt passed / learners who attempted. Attempts are in time order per learner.
 * Nobody attempted: both 0.
 */
public record PassRates(double passRate, double firstAttemptPassRate) {

  /** One graded attempt of one learner. */
  public record Attempt(String learner, long order, boolean passed) {
  }

  public static PassRates of(List<Attempt> attempts) {
    Map<String, List<Attempt>> byLearner = attempts.stream()
        .collect(Collectors.groupingBy(Attempt::learner));
    if (byLearner.isEmpty()) {
      return new PassRates(0.0, 0.0);
    }
    long passed = byLearner.values().stream()
        .filter(list -> list.stream().anyMatch(Attempt::passed)).count();
    long firstPassed = byLearner.values().stream()
        .filter(list -> list.stream().min((a, b) -> Long.compare(a.order(), b.order()))
            .orElseThrow().passed())
        .count();
    return new PassRates((double) passed / byLearner.size(),
        (double) firstPassed / byLearner.size());
  }
}
