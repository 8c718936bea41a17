package io.learnops.engine.scenario;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The standalone engine in a child JVM ({@code io.learnops.engine.Main}), so that a test can kill
 * it with SIGKILL and start it again on the same data directory.
 */
final class StandaloneEngineProcess implements AutoCloseable {

  final int grpcPort;
  final int restPort;
  final int managementPort;
  private final Path dataDir;
  private final Path logFile;
  private Process process;

  StandaloneEngineProcess(Path dataDir, Path logFile) throws IOException {
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.grpcPort = freePort();
    this.restPort = freePort();
    this.managementPort = freePort();
  }

  void start() throws IOException {
    final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "io.learnops.engine.Main", "--grpc-port=" + grpcPort, "--rest-port=" + restPort,
        "--management-port=" + managementPort, "--data-dir=" + dataDir))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .start();
    final HttpClient http = HttpClient.newHttpClient();
    final HttpRequest health = HttpRequest.newBuilder(
        URI.create("http://localhost:" + managementPort + "/actuator/health")).build();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("the engine exited with " + process.exitValue() + "; see " + logFile);
          }
          return http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        });
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM: the engine shuts down cleanly. */
  int terminate() throws InterruptedException {
    process.destroy();
    return process.waitFor();
  }

  String grpcAddress() {
    return "http://localhost:" + grpcPort;
  }

  String restAddress() {
    return "http://localhost:" + restPort;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
