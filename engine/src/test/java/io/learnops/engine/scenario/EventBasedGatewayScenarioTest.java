package io.learnops.engine.scenario;

import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_ACTIVATED;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_COMPLETED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A vendor quote: whichever comes first, the quote, a withdrawal signal or the deadline. */
class EventBasedGatewayScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  private static BpmnModelInstance awaitQuote(String id, Transport transport) {
    return Bpmn.createExecutableProcess(id).startEvent()
        .eventBasedGateway("firstWins")
          .intermediateCatchEvent("quoteReceived")
          .message(m -> m.name("quote-received-" + transport).zeebeCorrelationKeyExpression("rfqId"))
          .endEvent("quoted")
        .moveToLastGateway()
          .intermediateCatchEvent("deadlinePassed").timerWithDuration("P5D")
          .endEvent("noQuote")
        .moveToLastGateway()
          .intermediateCatchEvent("vendorWithdrew").signal("vendor-withdrew-" + transport)
          .endEvent("withdrawn")
        .done();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theQuoteArrivesFirstAndTheOtherEventsAreDropped(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    ENGINE.deploy(transport, awaitQuote("rfq-" + transport, transport));
    final ProcessInstanceEvent instance = start(client, "rfq-" + transport, "rfq-1");

    client.newPublishMessageCommand().messageName("quote-received-" + transport).correlationKey("rfq-1")
        .variables(Map.of("price", 4200)).send().join();

    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "quoted", ELEMENT_COMPLETED));
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "quoteReceived", ELEMENT_COMPLETED)).isTrue();
    final long openTimers = ENGINE.read(state -> state.timers.values().stream()
        .filter(t -> t.processInstanceKey == instance.getProcessInstanceKey()).count());
    final long openSubscriptions = ENGINE.read(state -> state.subscriptions.values().stream()
        .filter(s -> s.processInstanceKey == instance.getProcessInstanceKey()).count());
    assertThat(openTimers).isZero();
    assertThat(openSubscriptions).isZero();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theDeadlinePassesFirst(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    ENGINE.deploy(transport, awaitQuote("rfq-" + transport, transport));
    final ProcessInstanceEvent instance = start(client, "rfq-" + transport, "rfq-2");
    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "firstWins", ELEMENT_ACTIVATED));

    ENGINE.advanceClock(Duration.ofDays(6));

    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "noQuote", ELEMENT_COMPLETED));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aBufferedMessageWinsAtOnceAndASignalCanWinToo(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    ENGINE.deploy(transport, awaitQuote("rfq-" + transport, transport));
    client.newPublishMessageCommand().messageName("quote-received-" + transport).correlationKey("rfq-3")
        .timeToLive(Duration.ofMinutes(5)).send().join();

    final ProcessInstanceEvent early = start(client, "rfq-" + transport, "rfq-3");
    final ProcessInstanceEvent withdrawn = start(client, "rfq-" + transport, "rfq-4");
    await().until(() -> ENGINE.reached(withdrawn.getProcessInstanceKey(), "firstWins", ELEMENT_ACTIVATED));
    client.newBroadcastSignalCommand().signalName("vendor-withdrew-" + transport).send().join();

    await().until(() -> ENGINE.reached(early.getProcessInstanceKey(), "quoted", ELEMENT_COMPLETED));
    await().until(() -> ENGINE.reached(withdrawn.getProcessInstanceKey(), "withdrawn", ELEMENT_COMPLETED));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aGatewayFollowedByATaskIsRejectedAtDeploy(Transport transport) {
    final BpmnModelInstance wrong = Bpmn.createExecutableProcess("wrong-gateway-" + transport).startEvent()
        .eventBasedGateway("choose")
          .intermediateCatchEvent("answer").message(m -> m.name("answer").zeebeCorrelationKeyExpression("id")).endEvent()
        .moveToLastGateway()
          .serviceTask("remind", t -> t.zeebeJobType("remind")).endEvent()
        .done();

    assertThatThrownBy(() -> ENGINE.client(transport).newDeployResourceCommand().addProcessModel(wrong, "wrong.bpmn")
        .send().join())
        .hasMessageContaining("choose")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT));
  }

  private static ProcessInstanceEvent start(CamundaClient client, String id, String rfqId) {
    return client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("rfqId", rfqId)).send().join();
  }
}
