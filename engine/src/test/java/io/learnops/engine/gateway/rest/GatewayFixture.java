package io.learnops.engine.gateway.rest;

import io.camunda.client.CamundaClient;
import io.learnops.engine.read.ReadModel;
import java.io.IOException;
import java.net.URI;

/** A RestGateway on a free port over a {@link FakeEngine}, and a real client preferring REST. */
final class GatewayFixture implements AutoCloseable {

  final FakeEngine engine = new FakeEngine();
  final RestGateway gateway = new RestGateway(engine, new ReadModel(ReadModel.DEFAULT_RETENTION), 0);
  final CamundaClient client;

  GatewayFixture() throws IOException {
    gateway.start();
    client =
        CamundaClient.newClientBuilder()
            .restAddress(baseUri())
            // nothing listens there: a command that went over gRPC would fail
            .grpcAddress(URI.create("http://localhost:1"))
            .build();
  }

  URI baseUri() {
    return URI.create("http://localhost:" + gateway.port());
  }

  @Override
  public void close() {
    // gateway first: the client's graceful close would otherwise wait for parked long polls
    gateway.close();
    client.close();
    engine.close();
  }
}
