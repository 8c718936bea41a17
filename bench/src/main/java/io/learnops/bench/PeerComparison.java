package io.learnops.bench;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Our engine against the Operaton peer, per process shape: the throughput of each of our
 * transports, the peer's, and whether the better of ours reaches {@link #TARGET} times the peer's.
 */
record PeerComparison(List<Row> rows) {

  static final double TARGET = 3;

  /**
   * @param inFlight the in-flight bound of the throughput phases
   * @param seconds the length of their window
   */
  static PeerComparison of(List<ScenarioResult> results, int inFlight, int seconds) {
    return new PeerComparison(OperatonScenario.ALL.stream()
        .map(peer -> peer.process().tasks())
        .map(tasks -> new Row(tasks, throughput(results, "grpc-" + tasks), throughput(results, "rest-" + tasks),
            throughput(results, OperatonScenario.PREFIX + tasks), inFlight / (double) seconds))
        .filter(row -> row.operaton().isPresent())
        .toList());
  }

  String table() {
    return """
        | Shape | LearnOps gRPC (instances/s) | LearnOps REST (instances/s) | Operaton (instances/s) | Ratio (best LearnOps / Operaton) | Target ≥ 3× met? |
        |---|---:|---:|---:|---:|---|
        """ + rows.stream().map(Row::line).collect(Collectors.joining("\n"));
  }

  private static OptionalDouble throughput(List<ScenarioResult> results, String scenario) {
    return results.stream().filter(r -> r.scenario().equals(scenario)).mapToDouble(ScenarioResult::throughput).findFirst();
  }

  /**
   * One shape; a transport that did not run in this invocation is empty.
   *
   * @param turnover the throughput at which a phase completes as many instances in its window as
   *     it keeps in flight. Below it the window ended before the first round of in-flight instances
   *     got through all their tasks: the phase measured its ramp, not its rate, and a ratio against
   *     it would flatter us.
   */
  record Row(int tasks, OptionalDouble grpc, OptionalDouble rest, OptionalDouble operaton, double turnover) {

    /** The better of our transports over the peer; empty unless both sides ran and the peer turned over. */
    OptionalDouble ratio() {
      final OptionalDouble best = grpc.isPresent() && rest.isPresent()
          ? OptionalDouble.of(Math.max(grpc.getAsDouble(), rest.getAsDouble()))
          : grpc.isPresent() ? grpc : rest;
      return best.isPresent() && operaton.isPresent() && operaton.getAsDouble() >= turnover
          ? OptionalDouble.of(best.getAsDouble() / operaton.getAsDouble())
          : OptionalDouble.empty();
    }

    String line() {
      final OptionalDouble ratio = ratio();
      return "| %s | %s | %s | %s | %s | %s |".formatted(tasks == 1 ? "1 task" : tasks + " tasks",
          rate(grpc), rate(rest), rate(operaton),
          ratio.isPresent() ? "%.1f×".formatted(ratio.getAsDouble()) : "–",
          ratio.isPresent() ? (ratio.getAsDouble() >= TARGET ? "yes" : "no")
              : operaton.getAsDouble() < turnover ? "n/a: Operaton's window shorter than its ramp, try a lower --in-flight" : "n/a");
    }

    private static String rate(OptionalDouble value) {
      return value.isPresent() ? "%.0f".formatted(value.getAsDouble()) : "–";
    }
  }
}
