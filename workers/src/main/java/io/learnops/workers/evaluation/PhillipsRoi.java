package io.learnops.workers.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Phillips ROI % = (benefits − costs) / costs × 100 and BCR = benefits / costs, with fully loaded
 * costs. Costs must be positive: without costs there is no ROI.
 */
public final class PhillipsRoi {

  private PhillipsRoi() {
  }

  public static BigDecimal roiPercent(BigDecimal benefits, BigDecimal costs) {
    requirePositive(costs);
    return benefits.subtract(costs).multiply(BigDecimal.valueOf(100))
        .divide(costs, 2, RoundingMode.HALF_UP);
  }

  public static BigDecimal benefitCostRatio(BigDecimal benefits, BigDecimal costs) {
    requirePositive(costs);
    return benefits.divide(costs, 4, RoundingMode.HALF_UP);
  }

  /**
   * Fully loaded costs = vendor invoice + internal hours × rate + completers × learner hours ×
   * learner rate.
   */
  public static BigDecimal fullyLoadedCosts(BigDecimal vendor, BigDecimal internalHours,
      BigDecimal internalRate, int completers, BigDecimal learnerHours, BigDecimal learnerRate) {
    if (completers < 0) {
      throw new IllegalArgumentException("completers must not be negative");
    }
    return vendor.add(internalHours.multiply(internalRate))
        .add(learnerHours.multiply(learnerRate).multiply(BigDecimal.valueOf(completers)));
  }

  private static void requirePositive(BigDecimal costs) {
    if (costs.signum() <= 0) {
      throw new IllegalArgumentException("costs must be positive for an ROI, got " + costs);
    }
  }
}
