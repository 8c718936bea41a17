package io.learnops.connectors.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * What a client takes from its surroundings rather than from its settings: the clock (for
 * {@code Retry-After} dates and webhook tolerances), the sleeper between retries and the source
 * of jitter. Tests pass a fixed clock and a recording sleeper.
 */
public record ConnectorRuntime(Clock clock, Sleeper sleeper, DoubleSupplier random) {

  public ConnectorRuntime {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(random, "random");
  }

  public static ConnectorRuntime system() {
    SecureRandom random = new SecureRandom();
    return new ConnectorRuntime(Clock.systemUTC(), Sleeper.threadSleeper(), random::nextDouble);
  }
}
