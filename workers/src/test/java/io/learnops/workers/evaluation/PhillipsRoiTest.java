package io.learnops.workers.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** DOMAIN.md formula at its boundaries. */
class PhillipsRoiTest {

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  @Test
  void roi_is_net_benefits_over_costs_in_percent() {
    assertThat(PhillipsRoi.roiPercent(d("150000"), d("100000"))).isEqualByComparingTo("50");
    assertThat(PhillipsRoi.roiPercent(d("100000"), d("100000"))).isEqualByComparingTo("0");
    assertThat(PhillipsRoi.roiPercent(d("0"), d("100000"))).isEqualByComparingTo("-100");
    assertThat(PhillipsRoi.roiPercent(d("1"), d("3"))).isEqualByComparingTo("-66.67");
    assertThat(PhillipsRoi.benefitCostRatio(d("150000"), d("100000")))
        .isEqualByComparingTo("1.5");
  }

  @Test
  void no_costs_no_roi() {
    assertThatThrownBy(() -> PhillipsRoi.roiPercent(d("10"), BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PhillipsRoi.benefitCostRatio(d("10"), d("-1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fully_loaded_costs_add_vendor_internal_time_and_learner_time() {
    // 18000 + 40 h x 80 + 25 completers x 3 h x 50
    assertThat(PhillipsRoi.fullyLoadedCosts(d("18000"), d("40"), d("80"), 25, d("3"), d("50")))
        .isEqualByComparingTo("24950");
    assertThat(PhillipsRoi.fullyLoadedCosts(d("0"), d("0"), d("80"), 0, d("3"), d("50")))
        .isEqualByComparingTo("0");
  }
}
