package io.learnops.engine;

import io.learnops.engine.api.EngineApi;
import io.learnops.engine.exporter.Exporter;
import io.learnops.engine.exporter.ExporterDirector;
import io.learnops.engine.gateway.AnswerLimits;
import io.learnops.engine.gateway.grpc.GrpcGateway;
import io.learnops.engine.gateway.rest.RestGateway;
import io.learnops.engine.journal.JournalLog;
import io.learnops.engine.management.EngineMetrics;
import io.learnops.engine.management.ManagementServer;
import io.learnops.engine.processing.ClockChanges;
import io.learnops.engine.processing.CommandProcessor;
import io.learnops.engine.processing.DurableLog;
import io.learnops.engine.processing.EngineCommand;
import io.learnops.engine.processing.ProcessingApi;
import io.learnops.engine.read.ReadModel;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running engine: the command processor with its durable log, the gRPC and REST gateways and
 * the management port. Start it in-process with {@link #start(EngineConfig)}; {@link #close()}
 * stops it cleanly (gateways first, then processing, then a final snapshot).
 */
public final class Engine implements AutoCloseable {

  public static final String VERSION = "8.8.14";
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private final EngineConfig config;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final CommandProcessor processor;
  private final ClockChanges clockChanges;
  private final EngineApi api;
  private final ReadModel readModel;
  private final GrpcGateway grpc;
  private final RestGateway rest;
  private final ManagementServer management;
  /** purges that finished, reported as the topology's last completed change */
  private final AtomicLong completedChanges = new AtomicLong();

  private Engine(EngineConfig config) throws IOException {
    this.config = config;
    final DurableLog log = config.dataDir().isPresent()
        ? JournalLog.open(config.dataDir().get(), registry)
        : DurableLog.inMemory();
    readModel = new ReadModel(config.readModelRetention());
    final List<Exporter> exporters = new ArrayList<>(List.of(readModel, new EngineMetrics(registry)));
    exporters.addAll(config.exporters());
    processor = new CommandProcessor(log, config.clock(), config.snapshotEveryRecords(),
        new ExporterDirector(exporters, registry), config.processingFault());
    clockChanges = new ClockChanges(processor);
    processor.addRecoveryListener(readModel::seed);
    processor.addPurgeListener(readModel::clear);
    Gauge.builder("learnops.engine.command.queue.depth", processor, CommandProcessor::queueDepth).register(registry);
    FunctionCounter.builder("learnops.engine.snapshot.failures", processor, CommandProcessor::snapshotFailures)
        .description("snapshots that could not be taken or stored; the last good one stayed")
        .register(registry);
    registerStateSize(registry, processor);
    api = new ProcessingApi(processor,
        () -> new EngineApi.Topology(1, 1, 1, VERSION, "localhost", grpcPort(), completedChanges.get(),
            processor.isRunning()),
        config.defaultLongPollingTimeout());
    final AnswerLimits limits = AnswerLimits.DEFAULT.withDefaultLongPolling(config.defaultLongPollingTimeout());
    grpc = new GrpcGateway(api, config.bindAddress(), config.grpcPort(), limits);
    rest = new RestGateway(api, readModel, config.bindAddress(), config.restPort(), limits);
    management = new ManagementServer(config.bindAddress(), config.managementPort(), registry, processor::isRunning, config.clock(),
        config.clockControlled(), clockChanges, this::purge);
  }

  public static Engine start(EngineConfig config) throws IOException {
    final Engine engine = new Engine(config);
    try {
      engine.processor.start();
      engine.grpc.start();
      engine.rest.start();
      engine.management.start();
    } catch (IOException | RuntimeException e) {
      engine.close(); // releases ports and the data directory for the next attempt
      throw e;
    }
    LOG.info("LearnOps engine {} ready: gRPC on port {}, REST on port {}, management on port {}, data {}",
        VERSION, engine.grpcPort(), engine.restPort(), engine.managementPort(),
        config.dataDir().map(Object::toString).orElse("in memory"));
    return engine;
  }

  public EngineApi api() {
    return api;
  }

  /** The query side; {@link ReadModel#clear()} is the hook a purge uses. */
  public ReadModel readModel() {
    return readModel;
  }

  public EngineClock clock() {
    return config.clock();
  }

  /** Moves engine time durably, whether or not the management port may ({@code clockControlled}). */
  public ClockChanges clockChanges() {
    return clockChanges;
  }

  public CommandProcessor processor() {
    return processor;
  }

  /**
   * Deletes all deployments, instances, jobs, messages, timers and incidents, as a journaled
   * command (a restart does not bring them back); listeners added with
   * {@link CommandProcessor#addPurgeListener} clear what they built from records. Completes with
   * the purge's change id once it is durable.
   */
  public CompletableFuture<Long> purge() {
    return processor.submit(new EngineCommand.Purge()).thenApply(done -> completedChanges.incrementAndGet());
  }

  public PrometheusMeterRegistry meterRegistry() {
    return registry;
  }

  public int grpcPort() {
    return grpc.port();
  }

  public int restPort() {
    return rest.port();
  }

  public int managementPort() {
    return management.port();
  }

  @Override
  public void close() {
    grpc.close();
    rest.close();
    processor.close();
    management.close();
    registry.close();
    LOG.info("LearnOps engine stopped");
  }

  /** One gauge per kind of state entry: the size snapshots and replay grow with. */
  private static void registerStateSize(MeterRegistry registry, CommandProcessor processor) {
    final Map<String, java.util.function.ToIntFunction<CommandProcessor.StateSize>> kinds = Map.of(
        "element_instances", CommandProcessor.StateSize::elementInstances,
        "jobs", CommandProcessor.StateSize::jobs,
        "user_tasks", CommandProcessor.StateSize::userTasks,
        "incidents", CommandProcessor.StateSize::incidents,
        "messages", CommandProcessor.StateSize::messages,
        "subscriptions", CommandProcessor.StateSize::subscriptions,
        "timers", CommandProcessor.StateSize::timers,
        "variable_scopes", CommandProcessor.StateSize::variableScopes);
    kinds.forEach((kind, size) -> Gauge.builder("learnops.engine.state.entries", processor,
            p -> size.applyAsInt(p.stateSize()))
        .tag("kind", kind)
        .description("entries of this kind in the engine's in-memory state")
        .register(registry));
  }
}
