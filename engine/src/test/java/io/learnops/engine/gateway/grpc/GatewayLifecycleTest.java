package io.learnops.engine.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayLifecycleTest {

  private final FakeEngine engine = new FakeEngine();
  private final GrpcGateway gateway = new GrpcGateway(engine, 0, Duration.ofMillis(200));
  private CamundaClient client;

  @AfterEach
  void stop() {
    client.close();
    engine.close();
  }

  @Test
  void closingWithAConnectedWorkerCutsItsStreamOnceTheGracePeriodIsOver() throws IOException {
    gateway.start();
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://localhost:" + gateway.port()))
            .restAddress(URI.create("http://localhost:1"))
            .preferRestOverGrpc(false)
            .build();
    client.newWorker().jobType("charge-card").handler((c, job) -> {}).streamEnabled(true).open();
    await().until(() -> !engine.streams.isEmpty());

    final long started = System.nanoTime();
    gateway.close();

    // A job stream never ends on its own: only the forced shutdown after the grace period ends it.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    await().untilTrue(engine.streams.get(0).closed());
  }
}
