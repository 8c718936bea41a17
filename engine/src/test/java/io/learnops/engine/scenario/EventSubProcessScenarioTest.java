package io.learnops.engine.scenario;

import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_COMPLETED;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_TERMINATED;
import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Event subprocesses: what happens to a running program when something happens around it. */
class EventSubProcessScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  /** Delivery waits for its cohort; it can be withdrawn, gets weekly reminders, and handles vendor errors. */
  private static BpmnModelInstance delivery(String id, Transport transport) {
    final ProcessBuilder process = Bpmn.createExecutableProcess(id);
    process.eventSubProcess("withdrawal", esp -> esp.startEvent("withdrawn").interrupting(true)
        .message(m -> m.name("program-withdrawn-" + transport).zeebeCorrelationKeyExpression("programId"))
        .serviceTask("informLearners", t -> t.zeebeJobType("inform-" + transport)).endEvent("closed"));
    process.eventSubProcess("reminders", esp -> esp.startEvent("weekly").interrupting(false).timerWithCycle("R2/P7D")
        .serviceTask("remind", t -> t.zeebeJobType("remind-" + transport)).endEvent());
    process.eventSubProcess("vendorProblems", esp -> esp.startEvent("vendorFailed").error("VENDOR_DOWN")
        .endEvent("deliveryFailed"));
    return process.startEvent()
        .serviceTask("deliver", t -> t.zeebeJobType("deliver-" + transport))
        .endEvent("delivered")
        .done();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aWithdrawalInterruptsTheDeliveryAndRunsItsOwnSteps(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    ENGINE.deploy(transport, delivery("delivery-" + transport, transport));
    final ProcessInstanceEvent instance = start(client, transport, "p-1");
    final ActivatedJob deliver = activateOne(client, "deliver-" + transport);

    client.newPublishMessageCommand().messageName("program-withdrawn-" + transport).correlationKey("p-1")
        .variables(Map.of("reason", "budget cut")).send().join();

    final ActivatedJob inform = activateOne(client, "inform-" + transport);
    assertThat(inform.getVariablesAsMap()).containsEntry("reason", "budget cut");
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "deliver", ELEMENT_TERMINATED)).isTrue();
    client.newCompleteCommand(inform.getKey()).send().join();
    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "closed", ELEMENT_COMPLETED)).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.newCompleteCommand(deliver.getKey()).send().join())
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.NOT_FOUND));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void remindersRunAlongsideAndStopWhenTheDeliveryEnds(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    ENGINE.deploy(transport, delivery("delivery-" + transport, transport));
    final ProcessInstanceEvent instance = start(client, transport, "p-2");
    final ActivatedJob deliver = activateOne(client, "deliver-" + transport);

    ENGINE.advanceClock(Duration.ofDays(7).plusMinutes(1));
    final ActivatedJob reminder = activateOne(client, "remind-" + transport);
    assertThat(reminder.getProcessInstanceKey()).isEqualTo(instance.getProcessInstanceKey());
    client.newCompleteCommand(reminder.getKey()).send().join();
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "deliver", ELEMENT_TERMINATED)).isFalse();

    client.newCompleteCommand(deliver.getKey()).send().join();
    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
    final long timersLeft = ENGINE.read(state -> state.timers.values().stream()
        .filter(t -> t.processInstanceKey == instance.getProcessInstanceKey()).count());
    assertThat(timersLeft).isZero();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aBusinessErrorFromTheDeliveryIsHandledByTheErrorEventSubprocess(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    ENGINE.deploy(transport, delivery("delivery-" + transport, transport));
    final ProcessInstanceEvent instance = start(client, transport, "p-3");
    final ActivatedJob deliver = activateOne(client, "deliver-" + transport);

    client.newThrowErrorCommand(deliver.getKey()).errorCode("VENDOR_DOWN").send().join();

    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "deliveryFailed", ELEMENT_COMPLETED));
    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anErrorEndEventInASubprocessIsCaughtByAnEventSubprocessOfThatSubprocess(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "screen-" + transport;
    final ProcessBuilder process = Bpmn.createExecutableProcess(id);
    final BpmnModelInstance model = process.startEvent()
        .subProcess("screening", sub -> sub.embeddedSubProcess()
            .eventSubProcess("noAudience", esp -> esp.startEvent().error("NO_AUDIENCE").endEvent("parked")))
        .embeddedSubProcess()
          .startEvent().endEvent("empty").error("NO_AUDIENCE")
        .subProcessDone()
        .endEvent("screened")
        .done();
    ENGINE.deploy(transport, model);

    final long key = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().withResult().send().join()
        .getProcessInstanceKey();

    assertThat(ENGINE.reached(key, "parked", ELEMENT_COMPLETED)).isTrue();
    assertThat(ENGINE.reached(key, "screened", ELEMENT_COMPLETED)).isTrue();
  }

  private static ProcessInstanceEvent start(CamundaClient client, Transport transport, String programId) {
    return client.newCreateInstanceCommand().bpmnProcessId("delivery-" + transport).latestVersion()
        .variables(Map.of("programId", programId)).send().join();
  }
}
