package io.learnops.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.learnops.engine.Engine;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one scenario with its own client and worker: a warm-up, then a throughput phase that
 * keeps {@code --in-flight} instances going as fast as they complete, then a latency phase that
 * starts instances at half the measured throughput.
 */
final class ScenarioRunner {

  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);
  // how long the loop waits for a free slot before it looks at the clock again
  private static final long SLOT_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  // the handlers only send a command and return, so a thread per core keeps up
  private static final int WORKER_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final Engine engine;
  private final Scenario scenario;
  private final BenchOptions options;
  private final CompletionTracker tracker = new CompletionTracker();
  private final Failures failures = new Failures();
  // the phase whose load runs now; a job's round trip counts there (phases are drained in between)
  private volatile Phase current;

  ScenarioRunner(Engine engine, Scenario scenario, BenchOptions options) {
    this.engine = engine;
    this.scenario = scenario;
    this.options = options;
  }

  ScenarioResult run() throws InterruptedException {
    try (CamundaClient client = scenario.transport().connect(engine, WORKER_THREADS);
        JobWorker worker = openWorker(client)) {
      progress("warm-up, %d s", options.warmupSeconds());
      load(client, Duration.ofSeconds(options.warmupSeconds()), 0).drain(DRAIN_TIMEOUT);
      progress("throughput, %d s, at most %d in flight", options.seconds(), options.inFlight());
      final JournalStats before = JournalStats.read(engine.meterRegistry());
      final Phase saturated = load(client, Duration.ofSeconds(options.seconds()), 0);
      // read before the drain, whose trickle of completions is not the saturated engine
      final JournalStats.Activity journal = JournalStats.read(engine.meterRegistry()).since(before);
      saturated.drain(DRAIN_TIMEOUT);
      // at least one a second, so a broken run still gets a (telling) latency phase
      final double rate = options.rate() > 0 ? options.rate() : Math.max(1, saturated.completedPerSecond() / 2);
      progress("%.0f completed/s; latency at %.0f/s, %d s", saturated.completedPerSecond(), rate, options.seconds());
      final Phase paced = load(client, Duration.ofSeconds(options.seconds()), rate);
      paced.drain(DRAIN_TIMEOUT);
      if (failures.count() > 0) {
        progress("%d client calls failed, the first with: %s", failures.count(), failures.first());
      }
      return ScenarioResult.of(scenario.name(), saturated, journal, rate, paced);
    }
  }

  private JobWorker openWorker(CamundaClient client) {
    final BenchProcess process = scenario.process();
    final String lastTask = process.lastTaskId();
    return scenario.transport().jobSupply(client.newWorker()
            .jobType(process.jobType())
            .handler((jobClient, job) -> {
              final Phase phase = current;
              final boolean last = lastTask.equals(job.getElementId());
              final long instance = job.getProcessInstanceKey();
              final long sentNanos = System.nanoTime();
              // non-blocking: the handler thread is free again before the engine answers
              jobClient.newCompleteCommand(job).send().whenComplete((ok, error) -> {
                final long now = System.nanoTime();
                if (error == null) {
                  // no phase yet: a job left over from an earlier scenario of the same process
                  if (phase != null) {
                    phase.completeAcknowledged(now - sentNanos);
                  }
                } else {
                  failures.record(error);
                }
                if (last) {
                  tracker.lastJobCompleted(instance, now, error == null);
                }
              });
            })
            // every instance has at most one job at a time, so this never holds jobs back
            .maxJobsActive(options.inFlight())
            .name("bench-" + scenario.name()))
        .pollInterval(options.pollIntervalMillis() > 0
            ? java.time.Duration.ofMillis(options.pollIntervalMillis())
            : client.getConfiguration().getDefaultJobPollInterval())
        .open();
  }

  /**
   * An open loop: starts instances until {@code length} has passed, as fast as the in-flight bound
   * allows or, with a positive {@code ratePerSecond}, on that schedule. The caller drains the
   * returned phase.
   */
  private Phase load(CamundaClient client, Duration length, double ratePerSecond) throws InterruptedException {
    final long startNanos = System.nanoTime();
    final Phase phase = new Phase(options.inFlight(), startNanos, length);
    current = phase;
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
      start(client, phase);
    }
    return phase;
  }

  private void start(CamundaClient client, Phase phase) {
    final long sentNanos = System.nanoTime();
    client.newCreateInstanceCommand()
        .bpmnProcessId(scenario.process().processId())
        .latestVersion()
        .send()
        .whenComplete((created, error) -> {
          if (error == null) {
            phase.createAcknowledged(System.nanoTime() - sentNanos);
            tracker.created(created.getProcessInstanceKey(), phase, sentNanos);
          } else {
            failures.record(error);
            phase.failed();
          }
        });
  }

  private void progress(String format, Object... args) {
    System.err.printf("[%s] %s%n", scenario.name(), format.formatted(args));
  }
}
