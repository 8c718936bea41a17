package io.learnops.bench;

import java.util.List;

/** One process driven over one transport, e.g. {@code rest-1} or {@code grpc-10}. */
record Scenario(Transport transport, BenchProcess process) {

  static final List<Scenario> ALL = List.of(
      new Scenario(Transport.REST, BenchProcess.ONE_TASK),
      new Scenario(Transport.GRPC, BenchProcess.ONE_TASK),
      new Scenario(Transport.REST, BenchProcess.TEN_TASKS),
      new Scenario(Transport.GRPC, BenchProcess.TEN_TASKS));

  static Scenario named(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no scenario " + name));
  }

  String name() {
    return transport.label() + "-" + process.tasks();
  }
}
