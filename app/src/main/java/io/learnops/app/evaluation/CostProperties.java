package io.learnops.app.evaluation;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Loaded rates and effort for the cost ledger ({@code learnops.costs.*}): internal hours per
 * program (design, set-up, evaluation) at the internal loaded rate, hours per learner at the
 * learner time rate.
 */
@ConfigurationProperties("learnops.costs")
public record CostProperties(
    @DefaultValue("40") BigDecimal internalHours,
    @DefaultValue("75.00") BigDecimal internalHourlyRate,
    @DefaultValue("2") BigDecimal learnerHours,
    @DefaultValue("45.00") BigDecimal learnerHourlyRate) {
}
