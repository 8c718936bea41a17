package io.learnops.bench;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * Sends {@code count} asynchronous client calls as fast as at most {@code inFlight} outstanding
 * calls allow, and waits for every answer: the throughput of one burst.
 */
final class BoundedBurst {

  private final int inFlight;
  private final Failures failures;

  BoundedBurst(int inFlight, Failures failures) {
    this.inFlight = inFlight;
    this.failures = failures;
  }

  /** @return answered calls per second, failed ones included (the failures say how many) */
  double run(int count, IntFunction<CompletionStage<?>> call) throws InterruptedException {
    final Semaphore slots = new Semaphore(inFlight);
    final long startNanos = System.nanoTime();
    for (int i = 0; i < count; i++) {
      slots.acquire();
      call.apply(i).whenComplete((ok, error) -> {
        if (error != null) {
          failures.record(error);
        }
        slots.release();
      });
    }
    slots.acquire(inFlight);
    return count / ((System.nanoTime() - startNanos) / 1e9);
  }
}
