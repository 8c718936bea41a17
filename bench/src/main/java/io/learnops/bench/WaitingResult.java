package io.learnops.bench;

import java.util.List;
import java.util.function.Function;

/**
 * What one run of the {@code waiting} scenario measured.
 *
 * @param heapBytes heap used after full GCs, with the instances waiting (the whole JVM: client too)
 * @param journalBytesRunning journal files on disk before the stop
 * @param journalBytesStopped journal files after the clean stop, which snapshots and compacts
 * @param restartMillis from {@code Engine.start} on the same directory until the topology answers
 * @param decodeMillis decoding the snapshot into the engine state, timed apart after the restart
 * @param seedMillis seeding a fresh read model from that state, timed apart after the restart
 */
record WaitingResult(int waiting, double fillPerSecond, long heapBytes, long journalBytesRunning,
    long journalBytesStopped, long snapshotBytes, long restartMillis, long decodeMillis, long seedMillis,
    Percentiles create, double correlationsPerSecond, double unmatchedPerSecond, SearchProbe.Latencies searches) {

  private record Row(String name, Function<WaitingResult, Double> value, String format, boolean ratio) {}

  private static final List<Row> ROWS = List.of(
      new Row("heap used after GC (MiB)", r -> mib(r.heapBytes), "%.0f", true),
      new Row("journal on disk while running (MiB)", r -> mib(r.journalBytesRunning), "%.1f", true),
      new Row("journal after the clean stop (MiB)", r -> mib(r.journalBytesStopped), "%.1f", true),
      new Row("newest snapshot (MiB)", r -> mib(r.snapshotBytes), "%.1f", true),
      new Row("restart until the topology answers (s)", r -> r.restartMillis / 1000.0, "%.2f", true),
      new Row("… decoding the snapshot, timed apart (s)", r -> r.decodeMillis / 1000.0, "%.2f", false),
      new Row("… seeding the read model, timed apart (s)", r -> r.seedMillis / 1000.0, "%.2f", false),
      new Row("create p50 (ms)", r -> r.create.p50() / 1000.0, "%.1f", true),
      new Row("create p99 (ms)", r -> r.create.p99() / 1000.0, "%.1f", true),
      new Row("variables of one instance, indexed search p50 (ms)", r -> r.searches.indexed().p50() / 1000.0, "%.1f", true),
      new Row("variables of one instance, scanned (one-key range) p50 (ms)", r -> r.searches.scanned().p50() / 1000.0, "%.1f", true),
      new Row("publishes correlating to a waiting instance (/s)", r -> r.correlationsPerSecond, "%.0f", true),
      new Row("publishes matching nothing (/s)", r -> r.unmatchedPerSecond, "%.0f", true));

  /** The loaded run against the empty one, one row per measurement; ratio is loaded ÷ empty. */
  static String table(WaitingResult empty, WaitingResult loaded) {
    final StringBuilder table = new StringBuilder()
        .append("| Measurement | empty engine | %,d waiting | ratio |%n".formatted(loaded.waiting))
        .append("|---|---:|---:|---:|\n");
    for (final Row row : ROWS) {
      final double before = row.value.apply(empty);
      final double after = row.value.apply(loaded);
      table.append("| %s | %s | %s | %s |%n".formatted(row.name, row.format.formatted(before),
          row.format.formatted(after), row.ratio && before > 0 ? "%.2f×".formatted(after / before) : ""));
    }
    return table.append("| filling (instances created/s) | | %.0f | |%n".formatted(loaded.fillPerSecond)).toString();
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
