package io.learnops.engine.gateway.grpc;

import io.camunda.client.CamundaClient;
import io.learnops.engine.api.EngineApi;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A gateway on a free port in front of a {@link FakeEngine}, and the unmodified Camunda client
 * talking gRPC to it. The REST address points nowhere: a command that silently fell back to REST
 * would fail.
 */
abstract class GatewayScenario {

  protected final FakeEngine engine = new FakeEngine();
  protected GrpcGateway gateway;
  protected CamundaClient client;

  @BeforeEach
  final void startGatewayAndClient() throws IOException {
    gateway = new GrpcGateway(engine, 0);
    gateway.start();
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://localhost:" + gateway.port()))
            .restAddress(URI.create("http://localhost:1"))
            .preferRestOverGrpc(false)
            .build();
  }

  @AfterEach
  final void stopClientAndGateway() {
    // Client first: it cancels its streams, so the gateway has no call left to wait for.
    client.close();
    gateway.close();
    engine.close();
  }

  static EngineApi.ActivatedJob job(final long key, final String type) {
    return job(key, type, Map.of("amount", 42), "BPMN_ELEMENT", "UNSPECIFIED");
  }

  static EngineApi.ActivatedJob job(
      final long key,
      final String type,
      final Map<String, Object> variables,
      final String kind,
      final String listenerEventType) {
    return new EngineApi.ActivatedJob(
        key,
        type,
        2251799813685260L,
        "order",
        3,
        2251799813685249L,
        "charge-card",
        2251799813685270L,
        Map.of("channel", "web"),
        "billing-worker",
        3,
        1_767_225_600_000L,
        variables,
        EngineApi.DEFAULT_TENANT,
        kind,
        listenerEventType,
        java.util.Optional.empty());
  }
}
