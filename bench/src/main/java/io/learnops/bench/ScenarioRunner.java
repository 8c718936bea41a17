package io.learnops.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.learnops.engine.Engine;

/**
 * Drives one scenario of our engine with its own client and worker through the
 * {@link PhasedLoad phases}: instances are created with the client's create command and their jobs
 * completed by a real job worker.
 */
final class ScenarioRunner {

  // the handlers only send a command and return, so a thread per core keeps up
  static final int WORKER_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

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
    final PhasedLoad phases = new PhasedLoad(scenario.name(), options);
    try (CamundaClient client = scenario.transport().connect(engine, WORKER_THREADS);
        JobWorker worker = openWorker(client)) {
      final ScenarioResult result = phases.run((phase, sentNanos) -> start(client, phase, sentNanos),
          () -> JournalStats.read(engine.meterRegistry()));
      if (failures.count() > 0) {
        phases.progress("%d client calls failed, the first with: %s", failures.count(), failures.first());
      }
      return result;
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

  private void start(CamundaClient client, Phase phase, long sentNanos) {
    current = phase;
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
}
