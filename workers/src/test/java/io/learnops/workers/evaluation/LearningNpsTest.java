package io.learnops.workers.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DOMAIN.md formula at its boundaries. */
class LearningNpsTest {

  @Test
  void nine_and_ten_promote_seven_and_eight_are_passive_six_and_below_detract() {
    assertThat(LearningNps.of(List.of(9, 10, 7, 8, 6, 0)).getAsDouble())
        .isEqualTo(100.0 * (2 - 2) / 6);
    assertThat(LearningNps.of(List.of(9, 9, 8, 6)).getAsDouble()).isEqualTo(25.0);
  }

  @Test
  void all_promoters_is_100_all_detractors_minus_100_all_passives_0() {
    assertThat(LearningNps.of(List.of(10, 9)).getAsDouble()).isEqualTo(100.0);
    assertThat(LearningNps.of(List.of(0, 6)).getAsDouble()).isEqualTo(-100.0);
    assertThat(LearningNps.of(List.of(7, 8)).getAsDouble()).isZero();
  }

  @Test
  void no_answers_is_no_nps_and_answers_outside_0_to_10_are_refused() {
    assertThat(LearningNps.of(List.of())).isEmpty();
    assertThatThrownBy(() -> LearningNps.of(List.of(11)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LearningNps.of(List.of(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
