package io.learnops.bench;

import java.util.Arrays;
import java.util.List;

/**
 * What {@code --verify} runs: {@code --instances=N} measured and {@code --warmup-instances=N}
 * before them, at most {@code --in-flight=N} creates unanswered at any moment (also the worker's
 * {@code maxJobsActive}), {@code --repeat=N} times over each of {@code --transport=all|grpc|rest};
 * {@code --answer-timeout=S} bounds the wait for the last answers; {@code --snapshot-every=N} is
 * the engine's snapshot threshold. It defaults to 25,000 journal entries, not the engine's
 * 100,000, so that every run (about 44,000 entries over REST, 66,000 over gRPC) snapshots
 * under load: the event the lost answer was reported with.
 */
record VerifyOptions(int instances, int warmupInstances, int inFlight, int repeat, List<Transport> transports,
    int answerTimeoutSeconds, int snapshotEvery) {

  static final String USAGE = "usage: java -jar bench.jar --verify [--instances=20000] [--warmup-instances=2000] "
      + "[--in-flight=256] [--repeat=1] [--transport=all|grpc|rest] [--answer-timeout=120] [--snapshot-every=25000]";

  static VerifyOptions parse(String[] args) {
    VerifyOptions o = new VerifyOptions(20_000, 2_000, 256, 1, List.of(Transport.GRPC, Transport.REST), 120, 25_000);
    for (final String arg : args) {
      if (arg.equals("--verify")) {
        continue;
      }
      final int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
      final String name = arg.substring(2, eq);
      final String value = arg.substring(eq + 1);
      o = switch (name) {
        case "instances" -> new VerifyOptions(OptionValues.positive("--" + name, value), o.warmupInstances, o.inFlight, o.repeat,
            o.transports, o.answerTimeoutSeconds, o.snapshotEvery);
        case "warmup-instances" -> new VerifyOptions(o.instances, OptionValues.positive("--" + name, value), o.inFlight, o.repeat,
            o.transports, o.answerTimeoutSeconds, o.snapshotEvery);
        case "in-flight" -> new VerifyOptions(o.instances, o.warmupInstances, OptionValues.positive("--" + name, value), o.repeat,
            o.transports, o.answerTimeoutSeconds, o.snapshotEvery);
        case "repeat" -> new VerifyOptions(o.instances, o.warmupInstances, o.inFlight, OptionValues.positive("--" + name, value),
            o.transports, o.answerTimeoutSeconds, o.snapshotEvery);
        case "transport" -> new VerifyOptions(o.instances, o.warmupInstances, o.inFlight, o.repeat,
            transports(value), o.answerTimeoutSeconds, o.snapshotEvery);
        case "answer-timeout" -> new VerifyOptions(o.instances, o.warmupInstances, o.inFlight, o.repeat,
            o.transports, OptionValues.positive("--" + name, value), o.snapshotEvery);
        case "snapshot-every" -> new VerifyOptions(o.instances, o.warmupInstances, o.inFlight, o.repeat,
            o.transports, o.answerTimeoutSeconds, OptionValues.positive("--" + name, value));
        default -> throw new IllegalArgumentException("unknown option '--" + name + "'");
      };
    }
    return o;
  }

  private static List<Transport> transports(String value) {
    return switch (value) {
      case "all" -> List.of(Transport.GRPC, Transport.REST);
      case "grpc" -> List.of(Transport.GRPC);
      case "rest" -> List.of(Transport.REST);
      default -> throw new IllegalArgumentException("--transport must be all, grpc or rest, but was '" + value + "'");
    };
  }


  static boolean requested(String[] args) {
    return Arrays.asList(args).contains("--verify");
  }
}
