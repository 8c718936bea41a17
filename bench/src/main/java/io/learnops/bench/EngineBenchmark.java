package io.learnops.bench;

import io.camunda.client.CamundaClient;
import io.learnops.engine.Engine;
import io.learnops.engine.EngineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * End-to-end benchmark: the engine in-process in durable mode (journal fsynced per group commit),
 * driven by the real Camunda client and job workers over REST and over gRPC. Everything runs in
 * this JVM and talks over localhost only, so the numbers cover client, workers and engine sharing
 * the same cores. Prints a Markdown table to stdout; progress goes to stderr.
 */
public final class EngineBenchmark {

  private EngineBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "learnops-bench-logback.xml");
    }
    if (WaitingOptions.wanted(args)) {
      WaitingBenchmark.run(args);
      return;
    }
    if (VerifyOptions.requested(args)) {
      verify(args);
      return;
    }
    final BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    final Path dataDir = Files.createTempDirectory("learnops-bench-");
    final List<ScenarioResult> results = new ArrayList<>();
    String peerDescription = null;
    try (Engine engine = Engine.start(EngineConfig.defaults().withPorts(0, 0, 0).withDataDir(dataDir));
        // started only when a peer scenario runs; a null resource is not closed
        OperatonPeer peer = options.runsPeer() ? OperatonPeer.start() : null) {
      deploy(engine);
      for (final String name : options.scenarioNames()) {
        final Optional<OperatonScenario> onPeer = OperatonScenario.named(name);
        results.add(onPeer.isPresent()
            ? peer.run(onPeer.get(), options)
            : new ScenarioRunner(engine, Scenario.named(name), options).run());
      }
      peerDescription = peer == null ? null : peer.describe();
    } finally {
      TempDirs.delete(dataDir);
    }
    System.out.printf("Durable engine %s in-process; %d cores; Java %s; %d s per phase, %d s warm-up, at most %d instances in flight%n%n",
        Engine.VERSION, Runtime.getRuntime().availableProcessors(), Runtime.version(), options.seconds(),
        options.warmupSeconds(), options.inFlight());
    System.out.println(ScenarioResult.resultsTable(results));
    System.out.println();
    System.out.println("Round trips of single commands at the paced rate:");
    System.out.println();
    System.out.println(ScenarioResult.roundTripTable(results));
    if (results.stream().anyMatch(r -> r.journal() != null)) {
      System.out.println();
      System.out.println("Engine journal during the throughput phases:");
      System.out.println();
      System.out.println(ScenarioResult.journalTable(results));
    }
    if (peerDescription != null) {
      System.out.println();
      System.out.println(peerDescription + "; in-process, through its Java API:");
      System.out.println();
      System.out.println(PeerComparison.of(results, options.inFlight(), options.seconds()).table());
    }
  }

  private static void verify(String[] args) throws Exception {
    final VerifyOptions options;
    try {
      options = VerifyOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(VerifyOptions.USAGE);
      System.exit(2);
      return;
    }
    System.exit(AnswerVerification.run(options));
  }

  private static void deploy(Engine engine) {
    try (CamundaClient client = Transport.REST.connect(engine, 1)) {
      client.newDeployResourceCommand()
          .addProcessModel(BenchProcess.ONE_TASK.model(), BenchProcess.ONE_TASK.resourceName())
          .addProcessModel(BenchProcess.TEN_TASKS.model(), BenchProcess.TEN_TASKS.resourceName())
          .send()
          .join();
    }
  }

}
