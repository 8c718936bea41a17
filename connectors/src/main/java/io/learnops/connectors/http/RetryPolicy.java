package io.learnops.connectors.http;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter, bounded by {@code maxBackoff}.
 *
 * <p>The delay before retry {@code n} (1-based) is {@code initialBackoff * multiplier^(n-1)},
 * capped at {@code maxBackoff}, then reduced by up to {@code jitter} (a fraction 0..1) at random
 * so that many workers do not retry in lock-step. A server's {@code Retry-After} replaces the
 * computed delay when it is longer, as long as it does not exceed {@code maxRetryAfter}; a longer
 * one ends the retries (the job's own back-off takes over).
 *
 * @param maxAttempts total attempts including the first; 1 disables retries
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier,
    Duration maxBackoff, double jitter, Duration maxRetryAfter) {

  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (multiplier < 1.0) {
      throw new IllegalArgumentException("multiplier must be at least 1");
    }
    if (jitter < 0.0 || jitter > 1.0) {
      throw new IllegalArgumentException("jitter must be within 0..1");
    }
  }

  /** Four attempts, 200 ms doubling up to 5 s, 20 % jitter, honour Retry-After up to 30 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(200), 2.0, Duration.ofSeconds(5), 0.2,
        Duration.ofSeconds(30));
  }

  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, 0.0, Duration.ZERO);
  }

  public boolean hasAttemptAfter(int attempt) {
    return attempt < maxAttempts;
  }

  /**
   * Delay before the retry that follows attempt {@code attempt} (1-based).
   *
   * @param random source of uniform numbers in [0, 1)
   */
  public Duration backoffAfter(int attempt, DoubleSupplier random) {
    double base = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
    double capped = Math.min(base, maxBackoff.toMillis());
    double jittered = capped * (1.0 - jitter * random.getAsDouble());
    return Duration.ofMillis(Math.round(jittered));
  }
}
