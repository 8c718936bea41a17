package io.learnops.engine.scenario;

import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_COMPLETED;
import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnops.engine.record.ValueType;
import io.learnops.engine.record.RecordValue.EscalationValue;
import io.learnops.engine.record.Intent.EscalationIntent;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.engine.state.Incident;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Execution listeners around elements and processes, and escalations thrown up the scopes. */
class ListenerAndEscalationScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  @ParameterizedTest
  @EnumSource(Transport.class)
  void stageListenersRunBeforeAndAfterTheStageAndTheirVariablesAreSeen(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "stage-listeners-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id)
        .zeebeStartExecutionListener("program-started-" + transport)
        .zeebeEndExecutionListener("program-ended-" + transport)
        .startEvent()
        .serviceTask("design", t -> t.zeebeJobType("design-" + transport)
            .zeebeStartExecutionListener("stage-entered-" + transport)
            .zeebeEndExecutionListener("stage-left-" + transport))
        .endEvent().done());

    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();

    final ActivatedJob programStarted = activateOne(client, "program-started-" + transport);
    assertThat(programStarted.getKind().name()).isEqualTo("EXECUTION_LISTENER");
    assertThat(programStarted.getListenerEventType().name()).isEqualTo("START");
    client.newCompleteCommand(programStarted).send().join();
    final ActivatedJob entered = activateOne(client, "stage-entered-" + transport);
    assertThat(entered.getElementId()).isEqualTo("design");
    client.newCompleteCommand(entered).variables(Map.of("enteredAt", "2026-11-29")).send().join();
    final ActivatedJob work = activateOne(client, "design-" + transport);
    assertThat(work.getKind().name()).isEqualTo("BPMN_ELEMENT");
    assertThat(work.getVariablesAsMap()).containsEntry("enteredAt", "2026-11-29");
    client.newCompleteCommand(work).variables(Map.of("objectives", 3)).send().join();
    final ActivatedJob left = activateOne(client, "stage-left-" + transport);
    assertThat(left.getListenerEventType().name()).isEqualTo("END");
    assertThat(left.getVariablesAsMap()).containsEntry("objectives", 3);
    client.newCompleteCommand(left).variables(Map.of("leftAt", "2026-11-30")).send().join();
    assertThat(ENGINE.isCompleted(instance.getProcessInstanceKey())).isFalse();
    client.newCompleteCommand(activateOne(client, "program-ended-" + transport)).send().join();

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
  }

  @Test
  void aListenerCannotThrowABpmnErrorAndItsFailureRaisesAListenerIncident() {
    final CamundaClient client = ENGINE.client(Transport.REST);
    ENGINE.deploy(Transport.REST, Bpmn.createExecutableProcess("failing-listener").startEvent()
        .manualTask("announce").zeebeStartExecutionListener("announce-stage", "1")
        .endEvent().done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId("failing-listener")
        .latestVersion().send().join();
    final ActivatedJob job = activateOne(client, "announce-stage");

    final Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
        () -> client.newThrowErrorCommand(job).errorCode("NOPE").send().join());
    assertThat(refused).hasMessageContaining("EXECUTION_LISTENER");
    client.newFailCommand(job).retries(0).errorMessage("chat channel unreachable").send().join();

    final Incident incident = await().until(() -> ENGINE.read(state -> state.incidents.values().stream()
        .filter(i -> i.processInstanceKey == instance.getProcessInstanceKey()).findFirst()), o -> o.isPresent()).get();
    assertThat(incident.errorType).isEqualTo(Incident.ErrorType.EXECUTION_LISTENER_NO_RETRIES);
    assertThat(incident.errorMessage).isEqualTo("chat channel unreachable");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aNonInterruptingEscalationNotifiesTheOwnerWhileTheDesignGoesOn(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "escalate-budget-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .subProcess("design", sub -> sub.embeddedSubProcess().startEvent()
            .intermediateThrowEvent("overBudget", e -> e.escalation("BUDGET_EXCEEDED"))
            .serviceTask("finishDesign", t -> t.zeebeJobType("finish-design-" + transport))
            .endEvent())
        .boundaryEvent("budgetEscalated", b -> b.cancelActivity(false).escalation("BUDGET_EXCEEDED"))
        .serviceTask("notifyOwner", t -> t.zeebeJobType("notify-owner-" + transport)).endEvent()
        .moveToActivity("design").endEvent().done());

    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();

    client.newCompleteCommand(activateOne(client, "notify-owner-" + transport)).send().join();
    client.newCompleteCommand(activateOne(client, "finish-design-" + transport)).send().join();
    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "overBudget", ELEMENT_COMPLETED)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anInterruptingEscalationFromACalledStageEndsItAtTheCallActivity(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String child = "vendor-selection-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(child).startEvent()
        .endEvent("noVendor", e -> e.escalation("NO_VENDOR")).done());
    ENGINE.deploy(transport, Bpmn.createExecutableProcess("buy-" + transport).startEvent()
        .callActivity("selectVendor", c -> c.zeebeProcessId(child))
        .boundaryEvent("noVendorFound").escalation("NO_VENDOR").endEvent("switchedToBuild")
        .moveToActivity("selectVendor").endEvent("vendorSelected").done());

    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId("buy-" + transport)
        .latestVersion().send().join();

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "switchedToBuild", ELEMENT_COMPLETED)).isTrue();
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "vendorSelected", ELEMENT_COMPLETED)).isFalse();
  }

  @Test
  void anEscalationEventSubprocessCatchesAnyCodeAndAnUncaughtEscalationIsNoIncident() {
    final CamundaClient client = ENGINE.client(Transport.REST);
    ENGINE.deploy(Transport.REST, Bpmn.createExecutableProcess("catch-all-escalation")
        .eventSubProcess("onEscalation", esp -> esp.startEvent("anyEscalation").interrupting(false).escalation()
            .serviceTask("logEscalation", t -> t.zeebeJobType("log-escalation")).endEvent())
        .startEvent()
        .intermediateThrowEvent("raise", e -> e.escalation("LATE"))
        .endEvent().done());
    ENGINE.deploy(Transport.REST, Bpmn.createExecutableProcess("uncaught-escalation").startEvent()
        .intermediateThrowEvent("raiseAlone", e -> e.escalation("LATE")).endEvent("done").done());

    final ProcessInstanceEvent caught = client.newCreateInstanceCommand().bpmnProcessId("catch-all-escalation")
        .latestVersion().send().join();
    final ProcessInstanceEvent uncaught = client.newCreateInstanceCommand().bpmnProcessId("uncaught-escalation")
        .latestVersion().send().join();

    client.newCompleteCommand(activateOne(client, "log-escalation")).send().join();
    await().until(() -> ENGINE.isCompleted(caught.getProcessInstanceKey()));
    await().until(() -> ENGINE.isCompleted(uncaught.getProcessInstanceKey()));
    assertThat(ENGINE.records().ofType(ValueType.ESCALATION, EscalationValue.class)
        .anyMatch(r -> r.intent() == EscalationIntent.NOT_ESCALATED
            && r.value().processInstanceKey() == uncaught.getProcessInstanceKey()
            && r.value().catchElementId().isEmpty())).isTrue();
  }
}
