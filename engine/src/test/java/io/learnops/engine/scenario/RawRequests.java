package io.learnops.engine.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesRequest;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.learnops.engine.Engine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Sends requests exactly as written, past the Camunda client's own checks, as a client in another
 * language could: gRPC through the generated Zeebe stubs, REST through {@code java.net.http}.
 * Variable documents are embedded verbatim, so a REST body that carries broken JSON as its
 * variables is itself malformed.
 */
final class RawRequests implements AutoCloseable {

  /**
   * How the gateway answered.
   *
   * @param status the gRPC status code name, or the HTTP status code
   * @param contentType the response's content type (REST only)
   * @param detail the gRPC status description, or the problem's {@code detail}
   */
  record Answer(String status, String contentType, String detail) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Transport transport;
  private final ManagedChannel channel;
  private final GatewayGrpc.GatewayBlockingStub grpc;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String rest;

  RawRequests(Engine engine, Transport transport) {
    this.transport = transport;
    this.channel = NettyChannelBuilder.forAddress("localhost", engine.grpcPort()).usePlaintext().build();
    this.grpc = GatewayGrpc.newBlockingStub(channel);
    this.rest = "http://localhost:" + engine.restPort();
  }

  Answer createInstance(String processId, String variables) {
    return transport == Transport.GRPC
        ? grpc(() -> grpc.withDeadlineAfter(10, TimeUnit.SECONDS).createProcessInstance(
            CreateProcessInstanceRequest.newBuilder().setBpmnProcessId(processId).setVersion(-1)
                .setVariables(variables).build()))
        : rest("POST", "/v2/process-instances",
            "{\"processDefinitionId\":\"" + processId + "\",\"variables\":" + variables + "}");
  }

  Answer completeJob(long jobKey, String variables) {
    return transport == Transport.GRPC
        ? grpc(() -> grpc.withDeadlineAfter(10, TimeUnit.SECONDS).completeJob(
            CompleteJobRequest.newBuilder().setJobKey(jobKey).setVariables(variables).build()))
        : rest("POST", "/v2/jobs/" + jobKey + "/completion", "{\"variables\":" + variables + "}");
  }

  Answer publishMessage(String name, String correlationKey, String variables) {
    return transport == Transport.GRPC
        ? grpc(() -> grpc.withDeadlineAfter(10, TimeUnit.SECONDS).publishMessage(
            PublishMessageRequest.newBuilder().setName(name).setCorrelationKey(correlationKey)
                .setTimeToLive(60_000).setVariables(variables).build()))
        : rest("POST", "/v2/messages/publication", "{\"name\":\"" + name + "\",\"correlationKey\":\""
            + correlationKey + "\",\"timeToLive\":60000,\"variables\":" + variables + "}");
  }

  Answer setVariables(long elementInstanceKey, String variables) {
    return transport == Transport.GRPC
        ? grpc(() -> grpc.withDeadlineAfter(10, TimeUnit.SECONDS).setVariables(
            SetVariablesRequest.newBuilder().setElementInstanceKey(elementInstanceKey)
                .setVariables(variables).build()))
        : rest("PUT", "/v2/element-instances/" + elementInstanceKey + "/variables",
            "{\"variables\":" + variables + "}");
  }

  Answer broadcastSignal(String name, String variables) {
    return transport == Transport.GRPC
        ? grpc(() -> grpc.withDeadlineAfter(10, TimeUnit.SECONDS).broadcastSignal(
            BroadcastSignalRequest.newBuilder().setSignalName(name).setVariables(variables).build()))
        : rest("POST", "/v2/signals/broadcast", "{\"signalName\":\"" + name + "\",\"variables\":" + variables + "}");
  }

  /** A REST v2 read, such as a search with a filter the client's builders cannot write. */
  Answer read(String method, String path, String body) {
    return rest(method, path, body);
  }

  private static Answer grpc(Supplier<?> call) {
    try {
      call.get();
      return new Answer("OK", null, "");
    } catch (StatusRuntimeException e) {
      return new Answer(e.getStatus().getCode().name(), null, e.getStatus().getDescription());
    }
  }

  private Answer rest(String method, String path, String body) {
    final HttpRequest request = HttpRequest.newBuilder(URI.create(rest + path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      final HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      final JsonNode problem = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
      return new Answer(String.valueOf(response.statusCode()),
          response.headers().firstValue("Content-Type").orElse(""), problem.path("detail").asText(""));
    } catch (IOException e) {
      throw new AssertionError("REST request " + method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
