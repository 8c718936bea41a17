package io.learnops.engine.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import io.learnops.engine.api.EngineApi;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobCommandsTest extends GatewayScenario {

  private static final long JOB_KEY = 2251799813685280L;

  @Test
  void failingAJobWithRetriesBackOffAndVariables() {
    client
        .newFailCommand(JOB_KEY)
        .retries(2)
        .errorMessage("card declined")
        .retryBackoff(Duration.ofSeconds(30))
        .variables(Map.of("declined", true))
        .send()
        .join();

    assertThat(engine.lastReceived(EngineApi.FailJob.class))
        .isEqualTo(
            new EngineApi.FailJob(JOB_KEY, 2, "card declined", 30_000, Map.of("declined", true)));
  }

  @Test
  void throwingABusinessError() {
    client
        .newThrowErrorCommand(JOB_KEY)
        .errorCode("CARD_DECLINED")
        .errorMessage("the bank said no")
        .variables(Map.of("bank", "ACME"))
        .send()
        .join();

    assertThat(engine.lastReceived(EngineApi.ThrowError.class))
        .isEqualTo(
            new EngineApi.ThrowError(
                JOB_KEY, "CARD_DECLINED", "the bank said no", Map.of("bank", "ACME")));
  }

  @Test
  void updatingRetries() {
    client.newUpdateRetriesCommand(JOB_KEY).retries(5).send().join();

    assertThat(engine.lastReceived(FakeEngine.UpdateRetries.class))
        .isEqualTo(new FakeEngine.UpdateRetries(JOB_KEY, 5));
  }

  @Test
  void updatingTheTimeout() {
    client.newUpdateTimeoutCommand(JOB_KEY).timeout(Duration.ofMinutes(10)).send().join();

    assertThat(engine.lastReceived(FakeEngine.UpdateTimeout.class))
        .isEqualTo(new FakeEngine.UpdateTimeout(JOB_KEY, 600_000));
  }

  @Test
  void aTaskListenerResultReachesTheEngineWithItsDenialAndCorrections() {
    client
        .newCompleteCommand(JOB_KEY)
        .withResult(r -> r.forUserTask().deny(true, "over budget").correctPriority(90))
        .send()
        .join();

    assertThat(engine.received)
        .containsExactly(
            new FakeEngine.CompleteJob(
                JOB_KEY,
                Map.of(),
                new EngineApi.ListenerResult(true, "over budget", Map.of("priority", 90))));
  }

  @Test
  void completingWithAnAdHocSubProcessResultIsRefusedRatherThanSilentlyIgnored() {
    assertThatThrownBy(
            () ->
                client
                    .newCompleteCommand(JOB_KEY)
                    .withResult(r -> r.forAdHocSubProcess().activateElement("review"))
                    .send()
                    .join())
        .isInstanceOfSatisfying(
            ClientStatusException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
              assertThat(e.getStatus().getDescription()).contains("CompleteJob", "result");
            });
    assertThat(engine.received).isEmpty();
  }
}
