package io.learnops.engine.processing;

import io.learnops.engine.processing.EngineCommand.ChangeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The one way to move a running engine's time: each change is a journaled command, so a restart
 * (after a crash too) keeps it, and timers, job deadlines and message TTLs it makes due fire before
 * the change is answered. Each completes, once durable, with the engine time after the change.
 */
public final class ClockChanges {

  private final CommandProcessor processor;

  public ClockChanges(CommandProcessor processor) {
    this.processor = processor;
  }

  /** Moves time forward (or back, for a negative duration). */
  public CompletableFuture<Instant> add(Duration duration) {
    return change(new ChangeClock(ChangeClock.Kind.ADD, duration.toMillis()));
  }

  /** Stops time at {@code instant} until it is moved, pinned again or reset. */
  public CompletableFuture<Instant> pin(Instant instant) {
    return change(new ChangeClock(ChangeClock.Kind.PIN, instant.toEpochMilli()));
  }

  /** Drops offset and pin: back to wall-clock time, or to the start of a controlled clock. */
  public CompletableFuture<Instant> reset() {
    return change(new ChangeClock(ChangeClock.Kind.RESET, 0));
  }

  private CompletableFuture<Instant> change(ChangeClock command) {
    return processor.<Long>submit(command).thenApply(Instant::ofEpochMilli);
  }
}
