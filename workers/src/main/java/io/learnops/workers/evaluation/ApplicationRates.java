package io.learnops.workers.evaluation;

import java.time.Period;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * L3 application rate per follow-up offset. Each follow-up is a manager's report of the share of
 * their learners applying the behaviour at or above the threshold (0..1); several reports for one
 * offset are averaged. The program's rate is the one at the latest offset.
 */
public final class ApplicationRates {

  private ApplicationRates() {
  }

  public record FollowUp(String offset, double appliedShare) {
    public FollowUp {
      if (appliedShare < 0 || appliedShare > 1) {
        throw new IllegalArgumentException("appliedShare is 0..1, got " + appliedShare);
      }
    }
  }

  /** Rates by offset, ordered from the earliest offset to the latest. */
  public static Map<String, Double> byOffset(List<FollowUp> followUps) {
    Map<String, Double> rates = new LinkedHashMap<>();
    followUps.stream().map(FollowUp::offset).distinct()
        .sorted(Comparator.comparing(ApplicationRates::days))
        .forEach(offset -> rates.put(offset, followUps.stream()
            .filter(f -> f.offset().equals(offset))
            .mapToDouble(FollowUp::appliedShare).average().orElseThrow()));
    return rates;
  }

  public static OptionalDouble latest(Map<String, Double> byOffset) {
    return byOffset.values().stream().reduce((first, second) -> second)
        .map(OptionalDouble::of).orElse(OptionalDouble.empty());
  }

  private static int days(String offset) {
    Period period = Period.parse(offset);
    return period.getYears() * 365 + period.getMonths() * 30 + period.getDays();
  }
}
