package io.learnops.engine.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.camunda.client.CamundaClient;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.learnops.engine.EngineConfig;
import io.learnops.engine.gateway.AnswerLimits;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A call whose answer never comes from the engine still ends: with DEADLINE_EXCEEDED, never silence. */
class GatewayDeadlineTest {

  private final FakeEngine engine = new FakeEngine();
  private GrpcGateway gateway;
  private CamundaClient client;

  @BeforeEach
  void startGatewayWithAShortLimit() throws Exception {
    gateway = new GrpcGateway(engine, EngineConfig.LOOPBACK, 0,
        new AnswerLimits(Duration.ofMillis(300), Duration.ofSeconds(10), Duration.ofMinutes(1)));
    gateway.start();
    client = CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://localhost:" + gateway.port()))
        .restAddress(URI.create("http://localhost:1"))
        .preferRestOverGrpc(false)
        // far longer than the gateway's limit: the answer must come from the gateway
        .defaultRequestTimeout(Duration.ofMinutes(2))
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    gateway.close();
    engine.close();
  }

  @Test
  void aCompletionTheEngineNeverAnswersEndsWithDeadlineExceeded() {
    engine.neverAnswer();

    final Throwable failure = catchThrowable(() -> client.newCompleteCommand(2251799813685281L).send().join());

    assertThat(statusOf(failure).getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(statusOf(failure).getDescription()).contains("within 300 ms");
  }

  @Test
  void aCreateTheEngineNeverAnswersEndsWithDeadlineExceeded() {
    engine.neverAnswer();

    final Throwable failure = catchThrowable(() -> client.newCreateInstanceCommand()
        .bpmnProcessId("order").latestVersion().send().join());

    assertThat(statusOf(failure).getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
  }

  private static Status statusOf(final Throwable failure) {
    Throwable cause = failure;
    while (cause != null && !(cause instanceof StatusRuntimeException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("a gRPC status in " + failure).isNotNull();
    return ((StatusRuntimeException) cause).getStatus();
  }
}
