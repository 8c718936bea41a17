package io.learnops.bench;

import java.util.List;
import java.util.stream.Stream;

/**
 * What to run: {@code --seconds=N} per measured phase, {@code --warmup=N} seconds before them,
 * {@code --scenario=all|peer|rest-1|grpc-1|rest-10|grpc-10|operaton-1|operaton-10} and
 * {@code --in-flight=N}, the most
 * instances started but not yet completed at any moment; {@code --rate=N} paces the latency
 * phase at N instances/s instead of half the measured throughput; {@code --poll-interval=MS} sets
 * the workers' poll interval (default: the client's, 100 ms).
 */
record BenchOptions(int seconds, int warmupSeconds, String scenario, int inFlight, int rate, int pollIntervalMillis) {

  static final String USAGE =
      "usage: java -jar bench.jar [--seconds=20] [--warmup=10] [--scenario=all|peer|rest-1|grpc-1|rest-10|grpc-10|operaton-1|operaton-10] [--in-flight=300] [--rate=N] [--poll-interval=MS]\n"
      + "   or: java -jar bench.jar --verify [options; see docs/benchmarks.md]\n"
      + "   or: java -jar bench.jar --scenario=waiting [options; see docs/benchmarks.md]";

  static BenchOptions parse(String[] args) {
    BenchOptions options = new BenchOptions(20, 10, "all", 300, 0, 0);
    for (final String arg : args) {
      final int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
      final String name = arg.substring(2, eq);
      final String value = arg.substring(eq + 1);
      options = switch (name) {
        case "seconds" -> new BenchOptions(OptionValues.positive("--" + name, value), options.warmupSeconds, options.scenario, options.inFlight, options.rate, options.pollIntervalMillis);
        case "warmup" -> new BenchOptions(options.seconds, OptionValues.positive("--" + name, value), options.scenario, options.inFlight, options.rate, options.pollIntervalMillis);
        case "scenario" -> new BenchOptions(options.seconds, options.warmupSeconds, scenario(value), options.inFlight, options.rate, options.pollIntervalMillis);
        case "in-flight" -> new BenchOptions(options.seconds, options.warmupSeconds, options.scenario, OptionValues.positive("--" + name, value), options.rate, options.pollIntervalMillis);
        case "rate" -> new BenchOptions(options.seconds, options.warmupSeconds, options.scenario, options.inFlight, OptionValues.positive("--" + name, value), options.pollIntervalMillis);
        case "poll-interval" -> new BenchOptions(options.seconds, options.warmupSeconds, options.scenario, options.inFlight, options.rate, OptionValues.positive("--" + name, value));
        default -> throw new IllegalArgumentException("unknown option '--" + name + "'");
      };
    }
    return options;
  }

  /** all: ours, then the peer's; peer: each shape on gRPC, REST and the peer back to back */
  private static final List<String> PEER = List.of("grpc-1", "rest-1", "operaton-1", "grpc-10", "rest-10", "operaton-10");

  /** The scenarios to run, in order, by name. */
  List<String> scenarioNames() {
    return switch (scenario) {
      case "all" -> allNames();
      case "peer" -> PEER;
      default -> List.of(scenario);
    };
  }

  boolean runsPeer() {
    return scenarioNames().stream().anyMatch(name -> OperatonScenario.named(name).isPresent());
  }

  private static List<String> allNames() {
    return Stream.concat(Scenario.ALL.stream().map(Scenario::name), OperatonScenario.ALL.stream().map(OperatonScenario::name))
        .toList();
  }

  private static String scenario(String value) {
    if (!value.equals("all") && !value.equals("peer") && !allNames().contains(value)) {
      throw new IllegalArgumentException("--scenario must be all, peer or one of " + String.join(", ", allNames())
          + ", but was '" + value + "'");
    }
    return value;
  }

}
