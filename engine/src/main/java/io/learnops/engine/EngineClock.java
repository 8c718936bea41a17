package io.learnops.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's one source of time. Timers, job deadlines and message TTLs are all measured on it,
 * so tests (and Camunda Process Test's clock API) can move time instead of waiting.
 */
public final class EngineClock {

  private final AtomicLong offsetMillis = new AtomicLong();
  private final AtomicLong pinnedMillis = new AtomicLong(Long.MIN_VALUE);

  private EngineClock() {}

  /** Wall-clock time, which may still be moved forward by an offset. */
  public static EngineClock system() {
    return new EngineClock();
  }

  /** Time that stands still at {@code start} until moved. */
  public static EngineClock controlled(Instant start) {
    final EngineClock clock = new EngineClock();
    clock.pinnedMillis.set(start.toEpochMilli());
    return clock;
  }

  public long millis() {
    final long pinned = pinnedMillis.get();
    return (pinned == Long.MIN_VALUE ? System.currentTimeMillis() : pinned) + offsetMillis.get();
  }

  public Instant now() {
    return Instant.ofEpochMilli(millis());
  }

  /** Moves time forward (or back, for a negative duration). */
  public void add(Duration duration) {
    offsetMillis.addAndGet(duration.toMillis());
  }

  /** Drops every offset; a controlled clock returns to its start. */
  public void reset() {
    offsetMillis.set(0);
  }

  public Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }
}
