package io.learnops.bench;

import java.util.List;
import java.util.Optional;

/** One of our process shapes run on the Operaton peer, e.g. {@code operaton-1}. */
record OperatonScenario(BenchProcess process) {

  static final String PREFIX = "operaton-";
  static final List<OperatonScenario> ALL = List.of(
      new OperatonScenario(BenchProcess.ONE_TASK),
      new OperatonScenario(BenchProcess.TEN_TASKS));

  static Optional<OperatonScenario> named(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  String name() {
    return PREFIX + process.tasks();
  }
}
