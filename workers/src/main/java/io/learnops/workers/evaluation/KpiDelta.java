package io.learnops.workers.evaluation;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * L4 KPI delta by difference in differences = (trained post − trained baseline) − (control post −
 * control baseline). Without a control group the trained group's change is taken as is, i.e.
 * against a flat trend. Monetised benefits = delta × unit value (a negative unit value for KPIs
 * where less is better, such as error counts).
 */
public record KpiDelta(BigDecimal delta, BigDecimal monetisedBenefits) {

  public static KpiDelta of(BigDecimal trainedBaseline, BigDecimal trainedPost,
      Optional<BigDecimal> controlBaseline, Optional<BigDecimal> controlPost,
      BigDecimal unitValue) {
    BigDecimal trainedChange = trainedPost.subtract(trainedBaseline);
    BigDecimal controlChange = controlBaseline.isPresent() && controlPost.isPresent()
        ? controlPost.get().subtract(controlBaseline.get()) : BigDecimal.ZERO;
    BigDecimal delta = trainedChange.subtract(controlChange);
    return new KpiDelta(delta, delta.multiply(unitValue));
  }
}
