package io.learnops.engine;

import io.learnops.engine.bpmn.ProcessingFault;
import io.learnops.engine.exporter.Exporter;
import io.learnops.engine.read.ReadModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How an engine is started. Port 0 picks a free port (tests); the engine reports the port it got.
 *
 * @param dataDir where the journal and snapshots live; empty runs in memory (nothing survives a
 *     restart)
 * @param clock the one source of time; {@link EngineClock#controlled} lets tests move it
 * @param readModelRetention how many finished process instances the read API keeps (with their
 *     element instances, variables, incidents, jobs and subscriptions); the oldest go first
 * @param clockControlled whether the management port may move the clock ({@code /actuator/clock}),
 *     like Zeebe's {@code ZEEBE_CLOCK_CONTROLLED}; never in production, where timers would fire early
 * @param exporters readers of the record stream besides the engine's own (read model, metrics)
 * @param processingFault test-only: makes chosen commands fail midway ({@link ProcessingFault})
 * @param bindAddress where the gateways and the management port listen: {@value #LOOPBACK} unless
 *     the operator opens them to other hosts (for example 0.0.0.0 in a container)
 */
public record EngineConfig(
    int grpcPort,
    int restPort,
    int managementPort,
    Optional<Path> dataDir,
    EngineClock clock,
    Duration defaultLongPollingTimeout,
    int snapshotEveryRecords,
    int readModelRetention,
    boolean clockControlled,
    List<Exporter> exporters,
    ProcessingFault processingFault,
    String bindAddress) {

  public EngineConfig {
    exporters = List.copyOf(exporters);
  }

  /** Only this machine can connect unless the operator configures another address. */
  public static final String LOOPBACK = "127.0.0.1";
  public static final int DEFAULT_GRPC_PORT = 26500;
  public static final int DEFAULT_REST_PORT = 8080;
  public static final int DEFAULT_MANAGEMENT_PORT = 9600;

  public static EngineConfig defaults() {
    return new EngineConfig(
        DEFAULT_GRPC_PORT,
        DEFAULT_REST_PORT,
        DEFAULT_MANAGEMENT_PORT,
        Optional.of(Path.of("data", "engine")),
        EngineClock.system(),
        Duration.ofSeconds(10),
        100_000,
        ReadModel.DEFAULT_RETENTION,
        false,
        List.of(),
        ProcessingFault.NONE,
        LOOPBACK);
  }

  /** Random ports, in memory, system clock: the shape most tests want. */
  public static EngineConfig forTests() {
    return new EngineConfig(0, 0, 0, Optional.empty(), EngineClock.system(), Duration.ofSeconds(10), 100_000,
        ReadModel.DEFAULT_RETENTION, false, List.of(), ProcessingFault.NONE, LOOPBACK);
  }

  public EngineConfig withPorts(int grpc, int rest, int management) {
    return new EngineConfig(grpc, rest, management, dataDir, clock, defaultLongPollingTimeout, snapshotEveryRecords,
        readModelRetention, clockControlled, exporters, processingFault, bindAddress);
  }

  public EngineConfig withDataDir(Path dir) {
    return new EngineConfig(grpcPort, restPort, managementPort, Optional.ofNullable(dir), clock,
        defaultLongPollingTimeout, snapshotEveryRecords, readModelRetention, clockControlled, exporters, processingFault, bindAddress);
  }

  public EngineConfig withClock(EngineClock newClock) {
    return new EngineConfig(grpcPort, restPort, managementPort, dataDir, newClock, defaultLongPollingTimeout,
        snapshotEveryRecords, readModelRetention, clockControlled, exporters, processingFault, bindAddress);
  }

  public EngineConfig withSnapshotEveryRecords(int records) {
    return new EngineConfig(grpcPort, restPort, managementPort, dataDir, clock, defaultLongPollingTimeout, records,
        readModelRetention, clockControlled, exporters, processingFault, bindAddress);
  }

  public EngineConfig withReadModelRetention(int finishedInstances) {
    return new EngineConfig(grpcPort, restPort, managementPort, dataDir, clock, defaultLongPollingTimeout,
        snapshotEveryRecords, finishedInstances, clockControlled, exporters, processingFault, bindAddress);
  }

  public EngineConfig withExporters(List<Exporter> newExporters) {
    return new EngineConfig(grpcPort, restPort, managementPort, dataDir, clock, defaultLongPollingTimeout,
        snapshotEveryRecords, readModelRetention, clockControlled, newExporters, processingFault, bindAddress);
  }

  public EngineConfig withClockControlled(boolean controlled) {
    return new EngineConfig(grpcPort, restPort, managementPort, dataDir, clock, defaultLongPollingTimeout,
        snapshotEveryRecords, readModelRetention, controlled, exporters, processingFault, bindAddress);
  }

  /** Test-only: see {@link ProcessingFault}. */
  public EngineConfig withProcessingFault(ProcessingFault fault) {
    return new EngineConfig(grpcPort, restPort, managementPort, dataDir, clock, defaultLongPollingTimeout,
        snapshotEveryRecords, readModelRetention, clockControlled, exporters, fault, bindAddress);
  }

  public EngineConfig withBindAddress(String address) {
    return new EngineConfig(grpcPort, restPort, managementPort, dataDir, clock, defaultLongPollingTimeout,
        snapshotEveryRecords, readModelRetention, clockControlled, exporters, processingFault, address);
  }
}
