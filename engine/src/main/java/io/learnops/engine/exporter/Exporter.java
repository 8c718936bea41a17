package io.learnops.engine.exporter;

import io.learnops.engine.record.Record;

/**
 * Reads the engine's record stream: every record a command wrote, in position order, once the
 * command is durable and before its caller hears back, so a reader that asks after an answer
 * finds the answer's records exported. The read model and the engine's metrics are exporters;
 * users plug in their own (a Spring bean in the app, a {@link java.util.ServiceLoader} provider
 * in the standalone jar, or {@code EngineConfig.withExporters}).
 *
 * <p>All methods are called on one engine thread: keep {@link #export} quick, and hand slow work
 * (network, disk) to a thread of your own. A record counts as exported when {@code export}
 * returns. If it throws, the failure is logged and counted
 * ({@code learnops_engine_exporter_failures_total}) and the exporter gets the next record.
 *
 * <p><b>Across restarts</b>: a snapshot is stored only once every exporter has exported the
 * records it covers; after a restart each exporter is opened with that position and gets the
 * records after it. After a crash that means records exported since the last snapshot come
 * again: delivery is at least once, and {@link Record#position()} tells a repeat apart.
 */
public interface Exporter {

  /** A name for logs and metrics. */
  default String id() {
    return getClass().getSimpleName();
  }

  /**
   * Called once before the first record.
   *
   * @param lastExportedPosition every record up to this position was exported before the engine
   *     last stopped (0 on a new engine); the records that follow have higher positions
   */
  default void open(long lastExportedPosition) {}

  void export(Record<?> record);

  /** Called once when the engine stops, after the last record. */
  default void close() {}
}
