package io.learnops.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.JobState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.worker.JobWorker;
import io.learnops.engine.Engine;
import io.learnops.engine.EngineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One verification run over one transport, on a fresh durable engine: creates the instances of the
 * 1-task process with the real client, completes every job with a plain complete command, waits
 * (bounded) for every answer and then asks the engine's search API what is still open.
 */
final class VerificationRun {

  private static final BenchProcess PROCESS = BenchProcess.ONE_TASK;
  private static final int WORKER_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final Transport transport;
  private final VerifyOptions options;

  VerificationRun(Transport transport, VerifyOptions options) {
    this.transport = transport;
    this.options = options;
  }

  /** The row of the results table; a run whose answers never came still returns one. */
  record Result(Transport transport, int instances, long createsAnswered, long completesAnswered, long errors,
      long unfinished, long unanswered, double seconds, long journalEntries, Throwable firstError) {

    boolean passed() {
      return errors == 0 && unfinished == 0 && unanswered == 0;
    }
  }

  Result run() throws Exception {
    final Path dataDir = Files.createTempDirectory("learnops-verify-");
    final EngineConfig config = EngineConfig.defaults().withPorts(0, 0, 0).withDataDir(dataDir)
        .withSnapshotEveryRecords(options.snapshotEvery());
    try (Engine engine = Engine.start(config);
        CamundaClient client = transport.connect(engine, WORKER_THREADS)) {
      deploy(client);
      final AnswerTally warmup = new AnswerTally(options.inFlight());
      final AnswerTally measured = new AnswerTally(options.inFlight());
      final Phases phases = new Phases(warmup);
      try (JobWorker worker = openWorker(client, phases)) {
        drive(client, warmup, options.warmupInstances());
        awaitAnswers(warmup);
        phases.current = measured;
        final long started = System.nanoTime();
        drive(client, measured, options.instances());
        awaitAnswers(measured);
        final double seconds = (System.nanoTime() - started) / 1e9;
        final long unfinished = unfinished(client);
        return new Result(transport, options.instances(), measured.createsAnswered(), measured.completesAnswered(),
            warmup.errors().count() + measured.errors().count(), unfinished,
            warmup.unanswered() + measured.unanswered(), seconds,
            (long) JournalStats.read(engine.meterRegistry()).records(),
            measured.errors().first() != null ? measured.errors().first() : warmup.errors().first());
      }
    } finally {
      TempDirs.delete(dataDir);
    }
  }

  /** The phase a job's answer counts in; jobs of the warm-up still answer into the warm-up. */
  private static final class Phases {
    volatile AnswerTally current;

    Phases(AnswerTally first) {
      this.current = first;
    }
  }

  private JobWorker openWorker(CamundaClient client, Phases phases) {
    return transport.jobSupply(client.newWorker()
            .jobType(PROCESS.jobType())
            .handler((jobClient, job) -> {
              final AnswerTally tally = phases.current;
              tally.completeSent();
              jobClient.newCompleteCommand(job).send().whenComplete((ok, error) -> tally.completeAnswered(error));
            })
            .maxJobsActive(options.inFlight())
            .name("verify-" + transport.label()))
        .open();
  }

  private void drive(CamundaClient client, AnswerTally tally, int instances) throws InterruptedException {
    for (int i = 0; i < instances; i++) {
      if (!tally.tryStartCreate(options.answerTimeoutSeconds())) {
        progress("no create answer freed a slot within %d s; stopped after %d creates", options.answerTimeoutSeconds(), i);
        return;
      }
      client.newCreateInstanceCommand().bpmnProcessId(PROCESS.processId()).latestVersion().send()
          .whenComplete((created, error) -> tally.createAnswered(error));
    }
  }

  private void awaitAnswers(AnswerTally tally) throws InterruptedException {
    final long deadline = System.nanoTime() + Duration.ofSeconds(options.answerTimeoutSeconds()).toNanos();
    // the last jobs may still be on their way to the worker, so "all answered" must hold a moment
    int quietChecks = 0;
    while (System.nanoTime() < deadline && quietChecks < 5) {
      quietChecks = tally.unanswered() == 0 && tally.completesAnswered() + tally.errors().count()
          >= tally.createsAnswered() ? quietChecks + 1 : 0;
      Thread.sleep(100);
    }
  }

  /** Active instances plus open jobs, as the engine's search API reports them. */
  private static long unfinished(CamundaClient client) {
    final long active = client.newProcessInstanceSearchRequest()
        .filter(f -> f.state(ProcessInstanceState.ACTIVE)).send().join().page().totalItems();
    final long openJobs = client.newJobSearchRequest()
        .filter(f -> f.state(JobState.CREATED)).send().join().page().totalItems();
    final long failedJobs = client.newJobSearchRequest()
        .filter(f -> f.state(JobState.FAILED)).send().join().page().totalItems();
    return active + openJobs + failedJobs;
  }

  private static void deploy(CamundaClient client) {
    client.newDeployResourceCommand().addProcessModel(PROCESS.model(), PROCESS.resourceName()).send().join();
  }

  private void progress(String format, Object... args) {
    System.err.printf("[verify-%s] %s%n", transport.label(), format.formatted(args));
  }
}
