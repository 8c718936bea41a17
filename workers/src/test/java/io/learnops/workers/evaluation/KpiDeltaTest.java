package io.learnops.workers.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DOMAIN.md formula at its boundaries. */
class KpiDeltaTest {

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  @Test
  void difference_in_differences_with_a_control_group() {
    var delta = KpiDelta.of(d("70"), d("85"), Optional.of(d("70")), Optional.of(d("75")),
        d("200"));

    assertThat(delta.delta()).isEqualByComparingTo("10");
    assertThat(delta.monetisedBenefits()).isEqualByComparingTo("2000");
  }

  @Test
  void without_a_control_group_the_trained_change_counts_against_a_flat_trend() {
    var delta = KpiDelta.of(d("70"), d("85"), Optional.empty(), Optional.empty(), d("200"));
    assertThat(delta.delta()).isEqualByComparingTo("15");
    var half = KpiDelta.of(d("70"), d("85"), Optional.of(d("70")), Optional.empty(), d("1"));
    assertThat(half.delta()).isEqualByComparingTo("15");
  }

  @Test
  void a_control_group_improving_more_gives_a_negative_delta() {
    var delta = KpiDelta.of(d("10"), d("12"), Optional.of(d("10")), Optional.of(d("15")),
        d("100"));
    assertThat(delta.delta()).isEqualByComparingTo("-3");
    assertThat(delta.monetisedBenefits()).isEqualByComparingTo("-300");
  }
}
