package io.learnops.workers.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** DOMAIN.md formula at its boundaries. */
class KnowledgeGainTest {

  @Test
  void mean_gain_and_normalised_gain_over_learners_with_both_scores() {
    var gain = KnowledgeGain.of(Map.of("ada", 0.4, "bob", 0.6, "cy", 0.1),
        Map.of("ada", 0.8, "bob", 0.8, "di", 1.0), 1.0);

    assertThat(gain.meanGain().getAsDouble()).isCloseTo(0.3, within());
    // (0.8 - 0.5) / (1 - 0.5)
    assertThat(gain.normalisedGain().getAsDouble()).isCloseTo(0.6, within());
  }

  @Test
  void a_loss_is_a_negative_gain_and_no_room_to_gain_has_no_normalised_gain() {
    assertThat(KnowledgeGain.of(Map.of("a", 0.9), Map.of("a", 0.7), 1.0).meanGain()
        .getAsDouble()).isCloseTo(-0.2, within());
    var perfect = KnowledgeGain.of(Map.of("a", 1.0), Map.of("a", 1.0), 1.0);
    assertThat(perfect.meanGain().getAsDouble()).isZero();
    assertThat(perfect.normalisedGain()).isEmpty();
  }

  @Test
  void without_pairs_there_is_no_gain() {
    var gain = KnowledgeGain.of(Map.of("a", 0.5), Map.of("b", 0.9), 1.0);
    assertThat(gain.meanGain()).isEmpty();
    assertThat(gain.normalisedGain()).isEmpty();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
