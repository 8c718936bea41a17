package io.learnops.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.engine.Engine;
import io.learnops.engine.EngineConfig;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * One run of the {@code waiting} scenario on a fresh durable engine: leave {@code waiting}
 * instances at a message catch, then measure heap, paced creates, publishing bursts, the files a
 * clean stop leaves and the restart on them. An empty engine is the same run with none waiting.
 */
final class WaitingRun {

  private static final String PROCESS_ID = "bench-waiting";
  private static final String MESSAGE = "paid";
  private static final int IN_FLIGHT = 200;
  static final int BURSTS = 3;
  private static final int SEARCHES = 200;

  private final WaitingOptions options;
  private final int waiting;
  private final Failures failures = new Failures();
  private final BoundedBurst burst = new BoundedBurst(IN_FLIGHT, failures);

  WaitingRun(WaitingOptions options, int waiting) {
    this.options = options;
    this.waiting = waiting;
  }

  WaitingResult run() throws Exception {
    final Path dataDir = Files.createTempDirectory("learnops-bench-waiting-");
    final EngineConfig config = EngineConfig.defaults().withPorts(0, 0, 0).withDataDir(dataDir);
    try {
      final double fillPerSecond;
      final long heapBytes;
      final Histogram creates;
      final double correlationsPerSecond;
      final double unmatchedPerSecond;
      final SearchProbe.Latencies searches;
      final long journalRunningBytes;
      try (Engine engine = Engine.start(config); CamundaClient client = Transport.REST.connect(engine, 2)) {
        deploy(client);
        progress("filling: %,d instances to wait", waiting);
        fillPerSecond = waiting == 0 ? 0 : fill(client, "w-", waiting);
        heapBytes = heapAfterGc();
        progress("heap after GC %,d MiB; %,d paced creates at %d/s", heapBytes >> 20, options.creates(),
            options.createRate());
        final List<Long> created = new CopyOnWriteArrayList<>();
        creates = pacedCreates(client, created);
        progress("%d variable searches by process instance key, indexed and scanned", SEARCHES);
        searches = new SearchProbe(engine.restPort()).variablesOf(created.subList(0, SEARCHES));
        correlationsPerSecond = correlationBursts(client, engine);
        progress("%d publishes matching nothing", options.burst());
        unmatchedPerSecond = burst.run(options.burst(), i -> publish(client, "nobody-" + i));
        journalRunningBytes = bytesIn(dataDir.resolve("journal"));
      }
      final long restartMillis = restartMillis(config);
      final RecoveryCost recovery = RecoveryCost.of(dataDir.resolve("snapshots"));
      if (failures.count() > 0) {
        progress("%d client calls failed, the first with: %s", failures.count(), failures.first());
      }
      return new WaitingResult(waiting, fillPerSecond, heapBytes, journalRunningBytes, bytesIn(dataDir.resolve("journal")),
          newestSnapshotBytes(dataDir.resolve("snapshots")), restartMillis, recovery.decodeMillis(), recovery.seedMillis(),
          Percentiles.of(creates), correlationsPerSecond, unmatchedPerSecond, searches);
    } finally {
      TempDirs.delete(dataDir);
    }
  }

  private static void deploy(CamundaClient client) {
    client.newDeployResourceCommand()
        .addProcessModel(Bpmn.createExecutableProcess(PROCESS_ID).startEvent()
            .intermediateCatchEvent("await-payment")
            .message(m -> m.name(MESSAGE).zeebeCorrelationKeyExpression("orderId"))
            .endEvent().done(), PROCESS_ID + ".bpmn")
        .send().join();
  }

  private double fill(CamundaClient client, String prefix, int count) throws InterruptedException {
    return burst.run(count, i -> create(client, prefix + i));
  }

  private static CompletionStage<ProcessInstanceEvent> create(CamundaClient client, String orderId) {
    return client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
        .variables(Map.of("orderId", orderId)).send();
  }

  /** Messages are not buffered (TTL 0), so the ones that match nothing leave no state behind. */
  private static CompletionStage<?> publish(CamundaClient client, String correlationKey) {
    return client.newPublishMessageCommand().messageName(MESSAGE).correlationKey(correlationKey)
        .timeToLive(Duration.ZERO).send();
  }

  /**
   * Creates at a steady rate, below saturation, so the latency is the engine's and not a queue's.
   * The first tenth is not recorded: on the empty engine it would time the client's first
   * connections, which the filling warmed up on the loaded one.
   */
  private Histogram pacedCreates(CamundaClient client, List<Long> created) throws InterruptedException {
    final Histogram latencies = new SynchronizedHistogram(TimeUnit.SECONDS.toMicros(60), 3);
    final long periodNanos = 1_000_000_000L / options.createRate();
    final int warmup = options.creates() / 10;
    final CountDownLatch answered = new CountDownLatch(warmup + options.creates());
    long next = System.nanoTime();
    for (int i = -warmup; i < options.creates(); i++) {
      final boolean recorded = i >= 0;
      LockSupport.parkNanos(next - System.nanoTime());
      next += periodNanos;
      final long sent = System.nanoTime();
      create(client, "c-" + i).whenComplete((instance, error) -> {
        if (error == null && recorded) {
          created.add(instance.getProcessInstanceKey());
          latencies.recordValue(Math.min(latencies.getHighestTrackableValue(), (System.nanoTime() - sent) / 1000));
        } else if (error != null) {
          failures.record(error);
        }
        answered.countDown();
      });
    }
    answered.await(60, TimeUnit.SECONDS);
    return latencies;
  }

  /** Each burst correlates to instances created for it just before (untimed), on top of those waiting. */
  private double correlationBursts(CamundaClient client, Engine engine) throws InterruptedException {
    double seconds = 0;
    for (int b = 0; b < BURSTS; b++) {
      final String prefix = "b" + b + "-";
      fill(client, prefix, options.burst());
      final int subscriptionsBefore = engine.processor().stateSize().subscriptions();
      final double perSecond = burst.run(options.burst(), i -> publish(client, prefix + i));
      seconds += options.burst() / perSecond;
      progress("burst %d: %.0f publishes/s, %d subscriptions closed", b + 1, perSecond,
          subscriptionsBefore - engine.processor().stateSize().subscriptions());
    }
    return BURSTS * options.burst() / seconds;
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(250);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** From {@code Engine.start} on the stopped engine's directory until a client gets the topology. */
  private long restartMillis(EngineConfig config) throws IOException {
    final long start = System.nanoTime();
    try (Engine engine = Engine.start(config); CamundaClient client = Transport.REST.connect(engine, 1)) {
      while (true) {
        try {
          client.newTopologyRequest().send().join();
          return (System.nanoTime() - start) / 1_000_000;
        } catch (RuntimeException notYet) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
      }
    }
  }

  private static long bytesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> {
        try {
          return Files.size(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  /** The store keeps the previous snapshot too; a restart reads only the newest. */
  private static long newestSnapshotBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(Path::toFile).filter(file -> file.getName().endsWith(".bin"))
          .max(Comparator.comparing(File::getName)).map(File::length).orElse(0L);
    }
  }


  private void progress(String format, Object... args) {
    System.err.printf("[waiting %,d] %s%n", waiting, format.formatted(args));
  }
}
