package io.learnops.engine.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.BroadcastSignalResponse;
import io.camunda.client.api.response.PublishMessageResponse;
import io.learnops.engine.api.EngineApi;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorrelationTest extends GatewayScenario {

  @Test
  void publishingAMessageWithEveryField() {
    final PublishMessageResponse response =
        client
            .newPublishMessageCommand()
            .messageName("payment-received")
            .correlationKey("A-17")
            .timeToLive(Duration.ofMinutes(2))
            .messageId("payment-A-17")
            .variables(Map.of("paid", 42))
            .tenantId("acme")
            .send()
            .join();

    final EngineApi.PublishMessage command = engine.lastReceived(EngineApi.PublishMessage.class);
    assertThat(command.name()).isEqualTo("payment-received");
    assertThat(command.correlationKey()).isEqualTo("A-17");
    assertThat(command.timeToLiveMillis()).isEqualTo(120_000);
    assertThat(command.messageId()).isEqualTo("payment-A-17");
    assertThat(command.variables()).containsExactlyEntriesOf(Map.of("paid", 42));
    assertThat(command.tenantId()).isEqualTo("acme");

    assertThat(response.getMessageKey()).isEqualTo(2251799813685300L);
    assertThat(response.getTenantId()).isEqualTo("acme");
  }

  @Test
  void broadcastingASignal() {
    final BroadcastSignalResponse response =
        client
            .newBroadcastSignalCommand()
            .signalName("shop-closed")
            .variables(Map.of("reason", "holiday"))
            .send()
            .join();

    final EngineApi.BroadcastSignal command = engine.lastReceived(EngineApi.BroadcastSignal.class);
    assertThat(command.signalName()).isEqualTo("shop-closed");
    assertThat(command.variables()).containsExactlyEntriesOf(Map.of("reason", "holiday"));
    assertThat(command.tenantId()).isEqualTo(EngineApi.DEFAULT_TENANT);

    assertThat(response.getKey()).isEqualTo(2251799813685500L);
    assertThat(response.getTenantId()).isEqualTo(EngineApi.DEFAULT_TENANT);
  }
}
