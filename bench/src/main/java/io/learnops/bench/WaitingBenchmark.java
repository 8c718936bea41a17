package io.learnops.bench;

import io.learnops.engine.Engine;
import java.lang.management.ManagementFactory;

/**
 * {@code --scenario=waiting}: what many instances waiting at a message catch cost: heap, journal
 * and snapshot, restart, create latency and publishing, each against an empty engine. Prints a
 * Markdown table to stdout; progress goes to stderr.
 */
final class WaitingBenchmark {

  private WaitingBenchmark() {}

  static void run(String[] args) throws Exception {
    final WaitingOptions options;
    try {
      options = WaitingOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(WaitingOptions.USAGE);
      System.exit(2);
      return;
    }
    // a first empty run, discarded, warms up the JIT so that the empty engine is not measured cold
    new WaitingRun(options, 0).run();
    final WaitingResult empty = new WaitingRun(options, 0).run();
    final WaitingResult loaded = new WaitingRun(options, options.waiting()).run();
    System.out.printf("Durable engine %s in-process, REST client; %d cores; Java %s; max heap %,d MiB; "
            + "%,d creates at %d/s; %d bursts of %,d publishes, at most 200 in flight%n%n",
        Engine.VERSION, Runtime.getRuntime().availableProcessors(), Runtime.version(),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() >> 20, options.creates(),
        options.createRate(), WaitingRun.BURSTS, options.burst());
    System.out.println(WaitingResult.table(empty, loaded));
  }
}
