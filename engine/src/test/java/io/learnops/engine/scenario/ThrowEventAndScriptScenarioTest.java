package io.learnops.engine.scenario;

import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_ACTIVATED;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_COMPLETED;
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

/** Script tasks computed by the engine, and intermediate/end events that throw. */
class ThrowEventAndScriptScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aScriptTaskScoresTheRequestWithFeel(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "triage-score-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .scriptTask("score", s -> s.zeebeExpression("impact + audience + risk + effort").zeebeResultVariable("triageScore"))
        .endEvent().done());

    final ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("impact", 3, "audience", 2, "risk", 3, "effort", 1)).withResult().send().join();

    assertThat(result.getVariablesAsMap()).containsEntry("triageScore", 9);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aFailingScriptRaisesAnIncidentThatResolvingRetries(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "bad-script-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .scriptTask("score", s -> s.zeebeExpression("assert(impact, impact != null)").zeebeResultVariable("score"))
        .endEvent().done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .send().join();

    final Incident incident = await().until(() -> ENGINE.read(state -> state.incidents.values().stream()
        .filter(i -> i.processInstanceKey == instance.getProcessInstanceKey()).findFirst()), o -> o.isPresent()).get();
    assertThat(incident.elementId).isEqualTo("score");
    client.newSetVariablesCommand(instance.getProcessInstanceKey()).variables(Map.of("impact", 2)).send().join();
    client.newResolveIncidentCommand(incident.key).send().join();

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aSignalThrowEventReachesOtherInstancesWithItsInputVariables(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String signal = "catalogue-updated-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess("listener-" + transport).startEvent()
        .intermediateCatchEvent("catalogueUpdated").signal(signal).endEvent().done());
    ENGINE.deploy(transport, Bpmn.createExecutableProcess("publisher-" + transport).startEvent()
        .intermediateThrowEvent("announce", e -> e.signal(signal).zeebeInputExpression("courseId", "course"))
        .endEvent("announced").signal(signal).done());
    final ProcessInstanceEvent listener = client.newCreateInstanceCommand().bpmnProcessId("listener-" + transport)
        .latestVersion().send().join();
    await().until(() -> ENGINE.reached(listener.getProcessInstanceKey(), "catalogueUpdated", ELEMENT_ACTIVATED));

    final ProcessInstanceResult publisher = client.newCreateInstanceCommand().bpmnProcessId("publisher-" + transport)
        .latestVersion().variables(Map.of("courseId", "XL-101")).withResult().send().join();

    await().until(() -> ENGINE.isCompleted(listener.getProcessInstanceKey()));
    assertThat(ENGINE.reached(publisher.getProcessInstanceKey(), "announced", ELEMENT_COMPLETED)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aMessageEndEventIsSentByAJobWorker(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "notify-requester-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .intermediateThrowEvent("tellOwner", e -> e.message("owner-notified").zeebeJobType("notify-owner-" + transport))
        .endEvent("tellRequester", e -> e.message("requester-notified").zeebeJobType("notify-requester-" + transport))
        .done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .send().join();

    final ActivatedJob owner = activateOne(client, "notify-owner-" + transport);
    assertThat(owner.getElementId()).isEqualTo("tellOwner");
    client.newCompleteCommand(owner.getKey()).send().join();
    final ActivatedJob requester = activateOne(client, "notify-requester-" + transport);
    client.newCompleteCommand(requester.getKey()).send().join();

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aLinkEventContinuesAtItsCatchEvent(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "linked-" + transport;
    final var builder = Bpmn.createExecutableProcess(id);
    builder.startEvent().intermediateThrowEvent("toEvaluation", e -> e.link("evaluation"));
    builder.linkCatchEvent("evaluation").link("evaluation").endEvent("evaluated");
    ENGINE.deploy(transport, builder.done());

    final ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .withResult().send().join();

    assertThat(ENGINE.reached(result.getProcessInstanceKey(), "evaluated", ELEMENT_COMPLETED)).isTrue();
  }
}
