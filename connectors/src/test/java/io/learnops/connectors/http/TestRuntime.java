package io.learnops.connectors.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A fixed clock, no jitter, and a sleeper that records delays instead of waiting. */
public final class TestRuntime {

  public static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private final List<Duration> sleeps = new ArrayList<>();
  private final ConnectorRuntime runtime =
      new ConnectorRuntime(Clock.fixed(NOW, ZoneOffset.UTC), sleeps::add, () -> 0.0);

  public ConnectorRuntime runtime() {
    return runtime;
  }

  public List<Duration> sleeps() {
    return sleeps;
  }

  /** Three attempts, 10 ms doubling, capped at 40 ms, Retry-After honoured up to 30 s. */
  public static RetryPolicy fastRetries() {
    return new RetryPolicy(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(40), 0.0,
        Duration.ofSeconds(30));
  }

  /** Generous, so a loaded CI machine does not turn a normal answer into a timeout. */
  public static Timeouts testTimeouts() {
    return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
  }
}
