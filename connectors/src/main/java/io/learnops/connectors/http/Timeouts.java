package io.learnops.connectors.http;

import java.time.Duration;
import java.util.Objects;

/** Connect timeout and read (response) timeout for one client. */
public record Timeouts(Duration connect, Duration read) {

  public Timeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(read, "read");
    if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }

  public static Timeouts defaults() {
    return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));
  }
}
