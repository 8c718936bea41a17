package io.learnops.bench;

import java.util.List;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * What one scenario measured. Latencies are start-to-complete at the paced rate, in
 * microseconds: from sending the create command to the acknowledged completion of the last job.
 */
record ScenarioResult(
    String scenario,
    double throughput,
    double pacedRate,
    double pacedCompleted,
    long p50Micros,
    long p95Micros,
    long p99Micros,
    long maxMicros,
    long errors) {

  static ScenarioResult of(String scenario, Phase saturated, double pacedRate, Phase paced) {
    final Histogram latencies = paced.latencies();
    return new ScenarioResult(scenario, saturated.completedPerSecond(), pacedRate, paced.completedPerSecond(),
        latencies.getValueAtPercentile(50), latencies.getValueAtPercentile(95), latencies.getValueAtPercentile(99),
        latencies.getMaxValue(), saturated.errors() + paced.errors());
  }

  static String markdownTable(List<ScenarioResult> results) {
    final String header = """
        | Scenario | Throughput (instances/s) | Paced rate (target / completed per s) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | Errors |
        |---|---:|---:|---:|---:|---:|---:|---:|
        """;
    return header + results.stream().map(ScenarioResult::row).collect(Collectors.joining("\n"));
  }

  private String row() {
    return "| %s | %.0f | %.0f / %.0f | %s | %s | %s | %s | %d |".formatted(scenario, throughput, pacedRate,
        pacedCompleted, millis(p50Micros), millis(p95Micros), millis(p99Micros), millis(maxMicros), errors);
  }

  private static String millis(long micros) {
    return "%.1f".formatted(micros / 1000.0);
  }
}
