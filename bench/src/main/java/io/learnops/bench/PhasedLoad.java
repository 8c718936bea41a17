package io.learnops.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The three phases every scenario runs against its {@link LoadTarget}: a warm-up, then a
 * throughput phase that keeps {@code --in-flight} instances going as fast as they complete, then a
 * latency phase that starts instances at half the measured throughput (or {@code --rate}).
 */
final class PhasedLoad {

  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
  // how long the loop waits for a free slot before it looks at the clock again
  private static final long SLOT_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final String scenario;
  private final BenchOptions options;

  PhasedLoad(String scenario, BenchOptions options) {
    this.scenario = scenario;
    this.options = options;
  }

  /**
   * @param journal reads our engine's journal meters around the throughput phase; null for an
   *     engine that has none
   */
  ScenarioResult run(LoadTarget target, Supplier<JournalStats> journal) throws InterruptedException {
    progress("warm-up, %d s", options.warmupSeconds());
    load(target, Duration.ofSeconds(options.warmupSeconds()), 0).drain(DRAIN_TIMEOUT);
    progress("throughput, %d s, at most %d in flight", options.seconds(), options.inFlight());
    final JournalStats before = journal == null ? null : journal.get();
    final Phase saturated = load(target, Duration.ofSeconds(options.seconds()), 0);
    // read before the drain, whose trickle of completions is not the saturated engine
    final JournalStats.Activity activity = journal == null ? null : journal.get().since(before);
    saturated.drain(DRAIN_TIMEOUT);
    // at least one a second, so a broken run still gets a (telling) latency phase
    final double rate = options.rate() > 0 ? options.rate() : Math.max(1, saturated.completedPerSecond() / 2);
    progress("%.0f completed/s; latency at %.0f/s, %d s", saturated.completedPerSecond(), rate, options.seconds());
    final Phase paced = load(target, Duration.ofSeconds(options.seconds()), rate);
    paced.drain(DRAIN_TIMEOUT);
    return ScenarioResult.of(scenario, saturated, activity, rate, paced);
  }

  void progress(String format, Object... args) {
    System.err.printf("[%s] %s%n", scenario, format.formatted(args));
  }

  /**
   * An open loop: starts instances until {@code length} has passed, as fast as the in-flight bound
   * allows or, with a positive {@code ratePerSecond}, on that schedule. The caller drains the
   * returned phase.
   */
  private Phase load(LoadTarget target, Duration length, double ratePerSecond) throws InterruptedException {
    final long startNanos = System.nanoTime();
    final Phase phase = new Phase(options.inFlight(), startNanos, length);
    final long periodNanos = ratePerSecond > 0 ? (long) (1e9 / ratePerSecond) : 0;
    long nextNanos = startNanos;
    for (long now = startNanos; now < phase.windowEndNanos(); now = System.nanoTime()) {
      if (periodNanos > 0 && now < nextNanos) {
        LockSupport.parkNanos(nextNanos - now);
        continue;
      }
      if (!phase.tryStart(Math.min(SLOT_WAIT_NANOS, phase.windowEndNanos() - now))) {
        continue;
      }
      nextNanos += periodNanos;
      target.start(phase, System.nanoTime());
    }
    return phase;
  }
}
