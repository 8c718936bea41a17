package io.learnops.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone engine ({@code io.learnops.engine.Main}) as an operator runs it. */
class StandaloneEngineScenarioTest {

  @TempDir Path dir;

  @Test
  void aStartedEngineLogsExactlyOneReadyLine() throws Exception {
    try (StandaloneEngineProcess engine = new StandaloneEngineProcess(dir.resolve("data"), dir.resolve("engine.log"))) {
      engine.start();

      await().until(() -> !linesContaining(engine, "ready").isEmpty());
      assertThat(linesContaining(engine, "ready")).singleElement().asString()
          .contains("gRPC on port " + engine.grpcPort, "REST on port " + engine.restPort,
              "management on port " + engine.managementPort);
    }
  }

  @Test
  void sigtermStopsTheEngineCleanly() throws Exception {
    try (StandaloneEngineProcess engine = new StandaloneEngineProcess(dir.resolve("data"), dir.resolve("engine.log"))) {
      engine.start();

      final int exitCode = engine.terminate();

      assertThat(exitCode).isIn(0, 143);
      assertThat(linesContaining(engine, "stopped")).hasSize(1);
    }
  }

  @Test
  void anInvalidFlagExitsWithCodeTwoAndAUsageLine() throws Exception {
    try (StandaloneEngineProcess engine = new StandaloneEngineProcess(dir.resolve("data"), dir.resolve("engine.log"))) {
      final int exitCode = engine.runExpectingExit("--grpc-port=abc");

      assertThat(exitCode).isEqualTo(2);
      assertThat(engine.logLines())
          .anySatisfy(line -> assertThat(line).contains("--grpc-port", "'abc'"))
          .anySatisfy(line -> assertThat(line).startsWith("usage:"));
    }
  }

  private static List<String> linesContaining(StandaloneEngineProcess engine, String text) throws IOException {
    return engine.logLines().stream().filter(line -> line.contains(text)).toList();
  }
}
