package io.learnops.workers.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DOMAIN.md formula at its boundaries. */
class PassRatesTest {

  @Test
  void passed_on_any_attempt_counts_for_the_pass_rate_only_the_first_for_first_attempt() {
    var rates = PassRates.of(List.of(
        new PassRates.Attempt("ada", 2, true), new PassRates.Attempt("ada", 1, false),
        new PassRates.Attempt("bob", 1, true),
        new PassRates.Attempt("cy", 1, false), new PassRates.Attempt("cy", 2, false),
        new PassRates.Attempt("di", 1, true)));

    assertThat(rates.passRate()).isEqualTo(0.75);
    assertThat(rates.firstAttemptPassRate()).isEqualTo(0.5);
  }

  @Test
  void nobody_attempted_is_zero() {
    assertThat(PassRates.of(List.of())).isEqualTo(new PassRates(0.0, 0.0));
  }
}
