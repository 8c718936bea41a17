package io.learnops.workers.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DOMAIN.md formula at its boundaries. */
class ApplicationRatesTest {

  @Test
  void rates_per_offset_in_time_order_averaging_several_reports_and_the_latest_counts() {
    var rates = ApplicationRates.byOffset(List.of(
        new ApplicationRates.FollowUp("P90D", 0.7),
        new ApplicationRates.FollowUp("P30D", 0.4),
        new ApplicationRates.FollowUp("P60D", 0.5),
        new ApplicationRates.FollowUp("P60D", 0.6)));

    assertThat(rates.keySet()).containsExactly("P30D", "P60D", "P90D");
    assertThat(rates.get("P60D")).isCloseTo(0.55, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ApplicationRates.latest(rates).getAsDouble()).isEqualTo(0.7);
  }

  @Test
  void no_follow_ups_no_rate_and_shares_outside_0_to_1_are_refused() {
    assertThat(ApplicationRates.latest(ApplicationRates.byOffset(List.of()))).isEmpty();
    assertThatThrownBy(() -> new ApplicationRates.FollowUp("P30D", 1.01))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ApplicationRates.FollowUp("P30D", 1.0).appliedShare()).isEqualTo(1.0);
  }
}
