package io.learnops.bench;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one scenario measured. {@code latency} is start-to-complete at the paced rate: from sending
 * the create command to the acknowledged completion of the last job. {@code createAck} and
 * {@code completeAck} are the round trips of single commands in the same phase; what the latency
 * has beyond them is mostly the wait for the job to reach the worker. The journal activity is the
 * engine's, during the throughput phase; null for the Operaton peer, which has no such journal.
 */
record ScenarioResult(
    String scenario,
    double throughput,
    JournalStats.Activity journal,
    double pacedRate,
    double pacedCompleted,
    Percentiles latency,
    Percentiles createAck,
    Percentiles completeAck,
    long errors) {

  static ScenarioResult of(String scenario, Phase saturated, JournalStats.Activity journal, double pacedRate,
      Phase paced) {
    return new ScenarioResult(scenario, saturated.completedPerSecond(), journal, pacedRate,
        paced.completedPerSecond(), Percentiles.of(paced.latencies()), Percentiles.of(paced.createAcks()),
        Percentiles.of(paced.completeAcks()), saturated.errors() + paced.errors());
  }

  static String resultsTable(List<ScenarioResult> results) {
    return table("""
        | Scenario | Throughput (instances/s) | Paced rate (target / completed per s) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | Errors |
        |---|---:|---:|---:|---:|---:|---:|---:|
        """, results, r -> "| %s | %.0f | %.0f / %.0f | %s | %s | %s | %s | %d |".formatted(r.scenario, r.throughput,
        r.pacedRate, r.pacedCompleted, Percentiles.millis(r.latency.p50()), Percentiles.millis(r.latency.p95()),
        Percentiles.millis(r.latency.p99()), Percentiles.millis(r.latency.max()), r.errors));
  }

  static String roundTripTable(List<ScenarioResult> results) {
    return table("""
        | Scenario | create p50 (ms) | create p99 (ms) | complete job p50 (ms) | complete job p99 (ms) |
        |---|---:|---:|---:|---:|
        """, results, r -> "| %s | %s | %s | %s | %s |".formatted(r.scenario, Percentiles.millis(r.createAck.p50()),
        Percentiles.millis(r.createAck.p99()), Percentiles.millis(r.completeAck.p50()),
        Percentiles.millis(r.completeAck.p99())));
  }

  static String journalTable(List<ScenarioResult> results) {
    return table("""
        | Scenario | Group commits/s | Journal records/s | Records per commit | Mean write+fsync (ms) | Journal writer time in write+fsync |
        |---|---:|---:|---:|---:|---:|
        """, results.stream().filter(r -> r.journal != null).toList(), r -> "| %s | %.0f | %.0f | %.1f | %.2f | %.0f%% |".formatted(r.scenario,
        r.journal.commitsPerSecond(), r.journal.recordsPerSecond(), r.journal.recordsPerCommit(),
        r.journal.meanCommitMillis(), 100 * r.journal.commitShare()));
  }

  private static String table(String header, List<ScenarioResult> results, Function<ScenarioResult, String> row) {
    return header + results.stream().map(row).collect(Collectors.joining("\n"));
  }
}
