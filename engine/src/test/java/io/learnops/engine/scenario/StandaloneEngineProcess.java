package io.learnops.engine.scenario;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
  /** flags beyond ports and data directory, e.g. {@code --clock-controlled} */
  private final List<String> extraArguments;
  private Process process;

  StandaloneEngineProcess(Path dataDir, Path logFile, String... extraArguments) throws IOException {
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.extraArguments = List.of(extraArguments);
    this.grpcPort = freePort();
    this.restPort = freePort();
    this.managementPort = freePort();
  }

  void start() throws IOException {
    process = launch(standardArguments());
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

  /** Starts the engine on its data directory when it is expected to refuse: returns the exit code. */
  int startExpectingExit() throws IOException, InterruptedException {
    return runExpectingExit(standardArguments().toArray(String[]::new));
  }

  /** Runs {@code Main} with exactly these arguments, expecting it to exit: returns the exit code. */
  int runExpectingExit(String... arguments) throws IOException, InterruptedException {
    process = launch(List.of(arguments));
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the engine did not exit; see " + logFile);
    }
    return process.exitValue();
  }

  /** Everything the engine printed so far, over all its runs. */
  List<String> logLines() throws IOException {
    return Files.readAllLines(logFile);
  }

  /** A real client for this engine over the given transport. */
  CamundaClient connect(Transport transport) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://localhost:" + grpcPort))
        .restAddress(URI.create("http://localhost:" + restPort))
        .preferRestOverGrpc(transport == Transport.REST)
        .build();
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

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private List<String> standardArguments() {
    final List<String> arguments = new ArrayList<>(List.of("--grpc-port=" + grpcPort, "--rest-port=" + restPort,
        "--management-port=" + managementPort, "--data-dir=" + dataDir));
    arguments.addAll(extraArguments);
    return arguments;
  }

  private Process launch(List<String> arguments) throws IOException {
    final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    final List<String> command = new ArrayList<>(
        List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.learnops.engine.Main"));
    command.addAll(arguments);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
