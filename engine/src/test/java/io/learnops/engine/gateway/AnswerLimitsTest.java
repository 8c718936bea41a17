package io.learnops.engine.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Requests that wait on purpose keep their wait; the limit only adds the grace on top. */
class AnswerLimitsTest {

  private final AnswerLimits limits =
      new AnswerLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(1));

  @Test
  void aLongPollMayWaitItsOwnRequestTimeoutOrTheEngineDefault() {
    assertThat(limits.activation(20_000)).isEqualTo(Duration.ofSeconds(50));
    assertThat(limits.activation(0)).isEqualTo(Duration.ofSeconds(40));
    assertThat(limits.activation(-1)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void createWithResultMayWaitItsOwnRequestTimeoutOrTheEngineDefault() {
    assertThat(limits.withResult(5_000)).isEqualTo(Duration.ofSeconds(35));
    assertThat(limits.withResult(0)).isEqualTo(Duration.ofSeconds(90));
  }
}
