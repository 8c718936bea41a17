package io.learnops.engine.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.BroadcastSignalResponse;
import io.camunda.client.api.response.PublishMessageResponse;
import io.learnops.engine.api.EngineApi;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageSignalVariableIncidentTest {

  private GatewayFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new GatewayFixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void publishingAMessagePassesAllFieldsAndReturnsItsKey() {
    final PublishMessageResponse response =
        fixture
            .client
            .newPublishMessageCommand()
            .messageName("payment-received")
            .correlationKey("order-1")
            .messageId("msg-1")
            .timeToLive(Duration.ofSeconds(30))
            .variables(Map.of("amount", 10))
            .send()
            .join();

    assertThat(fixture.engine.lastCall("publishMessage").argument())
        .isEqualTo(
            new EngineApi.PublishMessage(
                "payment-received",
                "order-1",
                30_000,
                "msg-1",
                Map.of("amount", 10),
                EngineApi.DEFAULT_TENANT));
    assertThat(response.getMessageKey()).isEqualTo(2251799813685400L);
    assertThat(response.getTenantId()).isEqualTo(EngineApi.DEFAULT_TENANT);
  }

  @Test
  void publishingWithoutIdOrTtlUsesTheClientDefaults() {
    fixture
        .client
        .newPublishMessageCommand()
        .messageName("ping")
        .withoutCorrelationKey()
        .send()
        .join();

    final EngineApi.PublishMessage command =
        (EngineApi.PublishMessage) fixture.engine.lastCall("publishMessage").argument();
    assertThat(command.correlationKey()).isEmpty();
    assertThat(command.messageId()).isNull();
    // the client fills in its default message TTL of one hour
    assertThat(command.timeToLiveMillis()).isEqualTo(Duration.ofHours(1).toMillis());
  }

  @Test
  void settingLocalVariablesOnAnElementInstance() {
    fixture
        .client
        .newSetVariablesCommand(2251799813685250L)
        .variables(Map.of("approved", true))
        .local(true)
        .send()
        .join();

    assertThat(fixture.engine.lastCall("setVariables").argument())
        .isEqualTo(new EngineApi.SetVariables(2251799813685250L, Map.of("approved", true), true));
  }

  @Test
  void broadcastingASignalPassesNameAndVariablesAndReturnsItsKey() {
    final BroadcastSignalResponse response =
        fixture
            .client
            .newBroadcastSignalCommand()
            .signalName("shutdown")
            .variables(Map.of("reason", "maintenance"))
            .send()
            .join();

    assertThat(fixture.engine.lastCall("broadcastSignal").argument())
        .isEqualTo(
            new EngineApi.BroadcastSignal(
                "shutdown", Map.of("reason", "maintenance"), EngineApi.DEFAULT_TENANT));
    assertThat(response.getKey()).isEqualTo(2251799813685600L);
    assertThat(response.getTenantId()).isEqualTo(EngineApi.DEFAULT_TENANT);
  }

  @Test
  void resolvingAnIncidentReachesTheEngineWithItsKey() {
    fixture.client.newResolveIncidentCommand(2251799813685700L).send().join();

    assertThat(fixture.engine.lastCall("resolveIncident").argument()).isEqualTo(2251799813685700L);
  }
}
