package io.learnops.workers.evaluation;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Knowledge gain = mean(post − pre) over learners with both scores; normalised gain =
 * (mean post − mean pre) / (max − mean pre), Hake's class-average gain, on the same learners.
 * Without paired scores both are empty; with no room to gain (mean pre = max) the normalised
 * gain is empty.
 */
public record KnowledgeGain(OptionalDouble meanGain, OptionalDouble normalisedGain) {

  /** Scaled scores (0..1, so max = 1) per learner. */
  public static KnowledgeGain of(Map<String, Double> pre, Map<String, Double> post, double max) {
    double preSum = 0;
    double postSum = 0;
    int pairs = 0;
    for (Map.Entry<String, Double> entry : pre.entrySet()) {
      Double after = post.get(entry.getKey());
      if (after != null) {
        preSum += entry.getValue();
        postSum += after;
        pairs++;
      }
    }
    if (pairs == 0) {
      return new KnowledgeGain(OptionalDouble.empty(), OptionalDouble.empty());
    }
    double meanPre = preSum / pairs;
    double meanPost = postSum / pairs;
    double room = max - meanPre;
    return new KnowledgeGain(OptionalDouble.of(meanPost - meanPre),
        room <= 0 ? OptionalDouble.empty() : OptionalDouble.of((meanPost - meanPre) / room));
  }
}
