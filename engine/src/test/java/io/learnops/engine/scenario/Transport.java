package io.learnops.engine.scenario;

import io.camunda.client.CamundaClient;
import io.learnops.engine.Engine;
import java.net.URI;
import java.time.Duration;

/** The two ways the unmodified Camunda client talks to a gateway; every scenario runs over both. */
public enum Transport {
  /** the 8.8 client's default: commands over REST v2, workers polling over REST */
  REST,
  /** {@code preferRestOverGrpc=false}: commands and polling over gRPC */
  GRPC;

  public CamundaClient connect(Engine engine) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
        .restAddress(URI.create("http://localhost:" + engine.restPort()))
        .preferRestOverGrpc(this == REST)
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .defaultJobPollInterval(Duration.ofMillis(100))
        .build();
  }
}
