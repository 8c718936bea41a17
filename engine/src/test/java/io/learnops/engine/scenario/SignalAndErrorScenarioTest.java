package io.learnops.engine.scenario;

import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_ACTIVATING;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_ACTIVATED;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_COMPLETED;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_TERMINATED;
import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.engine.state.Incident;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignalAndErrorScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aSignalReachesEveryWaitingInstanceAndStartsSignalStartedProcesses(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String signal = "policy-changed-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess("course-" + transport).startEvent()
        .intermediateCatchEvent("policyChanged").signal(signal).endEvent("reviewed").done());
    ENGINE.deploy(transport, Bpmn.createExecutableProcess("audit-" + transport).startEvent("onPolicyChange").signal(signal)
        .serviceTask("audit", t -> t.zeebeJobType("audit-" + transport)).endEvent().done());
    final ProcessInstanceEvent first = client.newCreateInstanceCommand().bpmnProcessId("course-" + transport)
        .latestVersion().send().join();
    final ProcessInstanceEvent second = client.newCreateInstanceCommand().bpmnProcessId("course-" + transport)
        .latestVersion().send().join();
    await().until(() -> ENGINE.reached(second.getProcessInstanceKey(), "policyChanged", ELEMENT_ACTIVATED));

    client.newBroadcastSignalCommand().signalName(signal).variables(Map.of("policy", "GDPR-2027")).send().join();

    await().until(() -> ENGINE.isCompleted(first.getProcessInstanceKey()) && ENGINE.isCompleted(second.getProcessInstanceKey()));
    assertThat(activateOne(client, "audit-" + transport).getVariablesAsMap()).containsEntry("policy", "GDPR-2027");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aSignalBoundaryEventInterruptsTheTask(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "withdrawable-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("design", t -> t.zeebeJobType("design-" + transport))
        .boundaryEvent("programWithdrawn").signal("program-withdrawn-" + transport).endEvent("withdrawn")
        .moveToActivity("design").endEvent("designed")
        .done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .send().join();
    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "design", ELEMENT_ACTIVATED));

    client.newBroadcastSignalCommand().signalName("program-withdrawn-" + transport).send().join();

    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "withdrawn", ELEMENT_COMPLETED));
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "design", ELEMENT_TERMINATED)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aBusinessErrorFromAWorkerIsCaughtByItsCodeWithItsVariables(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "enrol-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("enrol", t -> t.zeebeJobType("enrol-" + transport))
        .boundaryEvent("courseFull").error("COURSE_FULL").endEvent("waitlisted")
        .moveToActivity("enrol")
        .boundaryEvent("anyError").error().endEvent("manualHandling")
        .moveToActivity("enrol").endEvent("enrolled")
        .done());

    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .send().join();
    final ActivatedJob job = activateOne(client, "enrol-" + transport);
    client.newThrowErrorCommand(job.getKey()).errorCode("COURSE_FULL").errorMessage("no seats left")
        .variables(Map.of("seatsLeft", 0)).send().join();

    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "waitlisted", ELEMENT_COMPLETED));
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "manualHandling", ELEMENT_ACTIVATING)).isFalse();

    final ProcessInstanceEvent other = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .send().join();
    final ActivatedJob otherJob = activateOne(client, "enrol-" + transport);
    client.newThrowErrorCommand(otherJob.getKey()).errorCode("LMS_REJECTED").send().join();
    await().until(() -> ENGINE.reached(other.getProcessInstanceKey(), "manualHandling", ELEMENT_COMPLETED));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anUncaughtErrorRaisesAnIncident(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "uncaught-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("order", t -> t.zeebeJobType("order-" + transport)).endEvent().done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .send().join();
    final ActivatedJob job = activateOne(client, "order-" + transport);

    client.newThrowErrorCommand(job.getKey()).errorCode("PO_REJECTED").errorMessage("budget frozen").send().join();

    final Incident incident = await().until(() -> ENGINE.read(state -> state.incidents.values().stream()
        .filter(i -> i.processInstanceKey == instance.getProcessInstanceKey()).findFirst()), o -> o.isPresent()).get();
    assertThat(incident.errorType).isEqualTo(Incident.ErrorType.UNHANDLED_ERROR_EVENT);
    assertThat(incident.errorMessage).contains("PO_REJECTED").contains("budget frozen");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anErrorEndEventWithoutACatcherRaisesAnIncident(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "reject-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent().endEvent("rejected").error("REJECTED").done());

    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .send().join();

    await().until(() -> ENGINE.read(state -> state.incidents.values().stream()
        .anyMatch(i -> i.processInstanceKey == instance.getProcessInstanceKey() && i.elementId.equals("rejected"))));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aTerminateEndEventEndsTheWholeInstance(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "decline-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .parallelGateway("fork")
          .serviceTask("notify", t -> t.zeebeJobType("never-" + transport)).endEvent()
        .moveToNode("fork")
          .endEvent("declined").terminate()
        .done());

    final ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .withResult().send().join();

    assertThat(ENGINE.reached(result.getProcessInstanceKey(), "notify", ELEMENT_TERMINATED)).isTrue();
    final boolean jobLeft = ENGINE.read(state -> state.jobs.values().stream().anyMatch(j -> j.type.equals("never-" + transport)));
    assertThat(jobLeft).isFalse();
  }
}
