package io.learnops.workers.evaluation;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Learning NPS = % promoters (9–10) − % detractors (0–6) of the 0–10 recommendation answers,
 * from −100 to 100. No answers: no NPS (empty), not 0.
 */
public final class LearningNps {

  private LearningNps() {
  }

  public static OptionalDouble of(List<Integer> scores) {
    if (scores.isEmpty()) {
      return OptionalDouble.empty();
    }
    long promoters = 0;
    long detractors = 0;
    for (int score : scores) {
      if (score < 0 || score > 10) {
        throw new IllegalArgumentException("NPS answers are 0..10, got " + score);
      }
      if (score >= 9) {
        promoters++;
      } else if (score <= 6) {
        detractors++;
      }
    }
    return OptionalDouble.of(100.0 * (promoters - detractors) / scores.size());
  }
}
