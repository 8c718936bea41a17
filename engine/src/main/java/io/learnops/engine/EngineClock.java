package io.learnops.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's one source of time. Timers, job deadlines and message TTLs are all measured on it,
 * so tests (and Camunda Process Test's clock API on the management port) can move time instead of
 * waiting.
 *
 * <p>{@link #add}, {@link #pin} and {@link #reset} move it in memory only, for a clock not (yet)
 * driving an engine with a data directory. A running engine's time is moved with {@code
 * ClockChanges}: journaled commands that land here through {@link #set} and survive a restart.
 */
public final class EngineClock {

  private static final long NOT_PINNED = Long.MIN_VALUE;

  private final AtomicLong offsetMillis = new AtomicLong();
  private final AtomicLong pinnedMillis;
  /** where {@link #reset()} returns to: the start of a controlled clock, or wall-clock time */
  private final long initialPinnedMillis;

  private EngineClock(long initialPinnedMillis) {
    this.initialPinnedMillis = initialPinnedMillis;
    this.pinnedMillis = new AtomicLong(initialPinnedMillis);
  }

  /** Wall-clock time, which may still be moved by an offset or pinned. */
  public static EngineClock system() {
    return new EngineClock(NOT_PINNED);
  }

  /** Time that stands still at {@code start} until moved. */
  public static EngineClock controlled(Instant start) {
    return new EngineClock(start.toEpochMilli());
  }

  public long millis() {
    final long pinned = pinnedMillis.get();
    return (pinned == NOT_PINNED ? System.currentTimeMillis() : pinned) + offsetMillis.get();
  }

  public Instant now() {
    return Instant.ofEpochMilli(millis());
  }

  /** Moves time forward (or back, for a negative duration). */
  public void add(Duration duration) {
    offsetMillis.addAndGet(duration.toMillis());
  }

  /** Stops time at {@code instant} until it is moved, pinned again or reset. */
  public void pin(Instant instant) {
    offsetMillis.set(0);
    pinnedMillis.set(instant.toEpochMilli());
  }

  /** Drops every offset and pin: a controlled clock returns to its start, a system clock to wall-clock time. */
  public void reset() {
    offsetMillis.set(0);
    pinnedMillis.set(initialPinnedMillis);
  }

  /**
   * Sets offset and pin as a journaled clock change left them.
   *
   * @param pinned where time stands still; null for the clock's own base (wall-clock time, or a
   *     controlled clock's start)
   */
  public void set(Duration offset, Instant pinned) {
    pinnedMillis.set(pinned == null ? initialPinnedMillis : pinned.toEpochMilli());
    offsetMillis.set(offset.toMillis());
  }

  public Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }
}
