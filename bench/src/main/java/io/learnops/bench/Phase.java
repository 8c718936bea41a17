package io.learnops.bench;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One stretch of load. It bounds the instances in flight (started, not yet completed) so that an
 * engine slower than the load generator builds no unbounded backlog, and it collects the
 * start-to-complete latencies of its instances and the completions inside its time window.
 */
final class Phase {

  private final int inFlight;
  private final Semaphore permits;
  private final long windowEndNanos;
  private final Duration length;
  // all in microseconds; auto-resizing, 3 significant digits
  private final Histogram latencies = new ConcurrentHistogram(3);
  private final Histogram createAcks = new ConcurrentHistogram(3);
  private final Histogram completeAcks = new ConcurrentHistogram(3);
  private final LongAdder completedInWindow = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private int unfinished;

  Phase(int inFlight, long windowStartNanos, Duration length) {
    this.inFlight = inFlight;
    this.permits = new Semaphore(inFlight);
    this.windowEndNanos = windowStartNanos + length.toNanos();
    this.length = length;
  }

  long windowEndNanos() {
    return windowEndNanos;
  }

  boolean tryStart(long timeoutNanos) throws InterruptedException {
    return permits.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
  }

  /** One create command's round trip: sent until the engine acknowledged it. */
  void createAcknowledged(long roundTripNanos) {
    createAcks.recordValue(TimeUnit.NANOSECONDS.toMicros(roundTripNanos));
  }

  /** One complete-job command's round trip. */
  void completeAcknowledged(long roundTripNanos) {
    completeAcks.recordValue(TimeUnit.NANOSECONDS.toMicros(roundTripNanos));
  }

  void completed(long sentNanos, long completedNanos) {
    latencies.recordValue(TimeUnit.NANOSECONDS.toMicros(completedNanos - sentNanos));
    if (completedNanos <= windowEndNanos) {
      completedInWindow.increment();
    }
    permits.release();
  }

  void failed() {
    failed.increment();
    permits.release();
  }

  /** Waits until every instance of the phase completed, so the next phase starts on an idle engine. */
  void drain(Duration timeout) throws InterruptedException {
    if (!permits.tryAcquire(inFlight, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      unfinished = inFlight - permits.availablePermits();
    }
  }

  double completedPerSecond() {
    return completedInWindow.sum() / (length.toNanos() / 1e9);
  }

  /** Instances whose start or completion failed, or that had not completed when the drain gave up. */
  long errors() {
    return failed.sum() + unfinished;
  }

  Histogram latencies() {
    return latencies;
  }

  Histogram createAcks() {
    return createAcks;
  }

  Histogram completeAcks() {
    return completeAcks;
  }
}
