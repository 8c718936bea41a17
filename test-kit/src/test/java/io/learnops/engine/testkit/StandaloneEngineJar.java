package io.learnops.engine.testkit;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The standalone engine jar ({@code engine/target/engine-standalone.jar}) in a child JVM with
 * {@code --clock-controlled}, as a team would run it next to its process tests. Its ports are
 * chosen when it is created, so CPT can be configured in a static field before it starts.
 */
final class StandaloneEngineJar implements BeforeAllCallback, AfterAllCallback {

  private static final String JAR_PROPERTY = "learnops.engine.standalone-jar";

  private final int grpcPort = freePort();
  private final int restPort = freePort();
  private final int managementPort = freePort();
  private Path workDir;
  private Process process;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    final Path jar = Path.of(System.getProperty(JAR_PROPERTY, "../engine/target/engine-standalone.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build it with ./mvnw -pl test-kit -am verify");
    }
    workDir = Files.createTempDirectory("learnops-standalone-");
    final Path log = workDir.resolve("engine.log");
    process = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString(),
        "--grpc-port=" + grpcPort, "--rest-port=" + restPort, "--management-port=" + managementPort,
        "--data-dir=" + workDir.resolve("data"), "--clock-controlled"))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    final HttpClient http = HttpClient.newHttpClient();
    final HttpRequest health = HttpRequest.newBuilder(managementAddress().resolve("/actuator/health")).build();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
      if (!process.isAlive()) {
        throw new IllegalStateException("the engine exited with " + process.exitValue() + "; see " + log);
      }
      return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    });
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException, IOException {
    if (process != null) {
      process.destroy();
      process.waitFor();
    }
    try (var files = Files.walk(workDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /**
   * What CPT's REMOTE runtime builds its clients from. The first deployment loads the child JVM's
   * BPMN and FEEL classes, which can outlast the client's default 10 s on a busy CI machine.
   */
  CamundaClientBuilder clientBuilder() {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://localhost:" + grpcPort))
        .restAddress(URI.create("http://localhost:" + restPort))
        .defaultRequestTimeout(Duration.ofSeconds(30));
  }

  URI managementAddress() {
    return URI.create("http://localhost:" + managementPort);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
