package io.learnops.engine.gateway;

import io.learnops.engine.api.Rejection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Fails an engine future that is still open when its caller's time is up. Failing the engine's own
 * future, not a copy, matters: a job activation whose future was failed hands its jobs back to
 * other workers when the engine completes it later, instead of sending them to nobody.
 */
public final class AnswerTimer implements AutoCloseable {

  private final ScheduledThreadPoolExecutor scheduler;

  public AnswerTimer(String threadName) {
    this.scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
      final Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    // nearly every timeout is cancelled by its answer; keeping them queued for their full limit
    // would hold tens of thousands of dead tasks under load
    scheduler.setRemoveOnCancelPolicy(true);
  }

  /** Fails {@code future} with DEADLINE_EXCEEDED unless it completes within {@code limit}. */
  public void bound(CompletableFuture<?> future, Duration limit, String request) {
    if (future.isDone()) {
      return;
    }
    final ScheduledFuture<?> timeout;
    try {
      timeout = scheduler.schedule(
          () -> future.completeExceptionally(new Rejection(Rejection.Type.DEADLINE_EXCEEDED,
              "Expected the engine to answer %s within %d ms, but it did not".formatted(request, limit.toMillis()))),
          Math.max(0, limit.toNanos()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      return; // the gateway is shutting down and closes every call itself
    }
    future.whenComplete((result, failure) -> timeout.cancel(false));
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
