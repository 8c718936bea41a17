package io.learnops.connectors.http;

import java.time.Duration;

/** Waits between retries; tests substitute one that records the delays instead of waiting. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  static Sleeper threadSleeper() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
