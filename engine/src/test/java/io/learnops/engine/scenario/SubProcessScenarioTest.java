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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Embedded subprocesses: a stage of a learning program as a scope of its own. */
class SubProcessScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  /** Design stage: analysis then objectives inside a subprocess, guarded by a deadline and a business error. */
  private static BpmnModelInstance designStage(String id, String transport) {
    return Bpmn.createExecutableProcess(id).startEvent("requested")
        .subProcess("design", sub -> sub.zeebeInputExpression("budget", "stageBudget")
            .zeebeOutputExpression("objectives", "objectives"))
        .embeddedSubProcess()
          .startEvent("designStarted")
          .serviceTask("analyse", t -> t.zeebeJobType("analyse-" + transport))
          .serviceTask("writeObjectives", t -> t.zeebeJobType("objectives-" + transport))
          .endEvent("designDone")
        .subProcessDone()
        .boundaryEvent("designOverdue", b -> b.cancelActivity(true).timerWithDuration("P14D")).endEvent("escalated")
        .moveToActivity("design")
        .boundaryEvent("outOfScope").error("OUT_OF_SCOPE").endEvent("declined")
        .moveToActivity("design")
        .endEvent("designed")
        .done();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theStageRunsInItsOwnScopeAndOnlyItsOutputsReachTheProgram(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    ENGINE.deploy(transport, designStage("design-" + transport, transport.name()));
    final var result = client.newCreateInstanceCommand().bpmnProcessId("design-" + transport).latestVersion()
        .variables(Map.of("budget", 8000)).withResult().requestTimeout(Duration.ofSeconds(20)).send();

    final ActivatedJob analyse = activateOne(client, "analyse-" + transport);
    assertThat(analyse.getVariablesAsMap()).containsEntry("stageBudget", 8000);
    client.newCompleteCommand(analyse.getKey()).variables(Map.of("gaps", "negotiation")).send().join();
    final ActivatedJob objectives = activateOne(client, "objectives-" + transport);
    client.newCompleteCommand(objectives.getKey()).variables(Map.of("objectives", "close 3 deals")).send().join();

    final Map<String, Object> variables = result.join().getVariablesAsMap();
    assertThat(variables).containsEntry("objectives", "close 3 deals").doesNotContainKey("stageBudget");
    assertThat(ENGINE.reached(result.join().getProcessInstanceKey(), "design", ELEMENT_COMPLETED)).isTrue();
    assertThat(ENGINE.reached(result.join().getProcessInstanceKey(), "designed", ELEMENT_COMPLETED)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aBusinessErrorInsideTheStageIsCaughtOnTheSubprocess(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    ENGINE.deploy(transport, designStage("design-" + transport, transport.name()));
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId("design-" + transport)
        .latestVersion().variables(Map.of("budget", 100)).send().join();

    final ActivatedJob analyse = activateOne(client, "analyse-" + transport);
    client.newThrowErrorCommand(analyse.getKey()).errorCode("OUT_OF_SCOPE").send().join();

    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "declined", ELEMENT_COMPLETED));
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "design", ELEMENT_TERMINATED)).isTrue();
    assertThat(ENGINE.isCompleted(instance.getProcessInstanceKey())).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aTimerOnTheStageInterruptsEverythingInside(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    ENGINE.deploy(transport, designStage("design-" + transport, transport.name()));
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId("design-" + transport)
        .latestVersion().variables(Map.of("budget", 100)).send().join();
    activateOne(client, "analyse-" + transport);

    ENGINE.advanceClock(Duration.ofDays(15));

    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "escalated", ELEMENT_COMPLETED));
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "analyse", ELEMENT_TERMINATED)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anErrorEndEventInsideTheStageIsCaughtByTheBoundaryOfTheStage(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "screening-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .subProcess("screening").embeddedSubProcess()
          .startEvent()
          .exclusiveGateway("eligible")
            .conditionExpression("= headcount > 0").endEvent("screened")
          .moveToLastExclusiveGateway()
            .defaultFlow().endEvent("noAudience").error("NO_AUDIENCE")
        .subProcessDone()
        .boundaryEvent("noAudienceCaught").error("NO_AUDIENCE").endEvent("parked")
        .moveToActivity("screening").endEvent("ready")
        .done());

    final long parked = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("headcount", 0)).withResult().send().join().getProcessInstanceKey();
    final long ready = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("headcount", 40)).withResult().send().join().getProcessInstanceKey();

    assertThat(ENGINE.reached(parked, "parked", ELEMENT_COMPLETED)).isTrue();
    assertThat(ENGINE.reached(ready, "ready", ELEMENT_COMPLETED)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aTerminateEndEventInsideTheStageEndsOnlyTheStage(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "fast-track-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .subProcess("review").embeddedSubProcess()
          .startEvent()
          .parallelGateway("fork")
            .serviceTask("financeReview", t -> t.zeebeJobType("finance-review-" + transport)).endEvent()
          .moveToNode("fork")
            .endEvent("approvedUpFront").terminate()
        .subProcessDone()
        .endEvent("reviewed")
        .done());

    final long key = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .withResult().send().join().getProcessInstanceKey();

    assertThat(ENGINE.reached(key, "financeReview", ELEMENT_TERMINATED)).isTrue();
    assertThat(ENGINE.reached(key, "review", ELEMENT_COMPLETED)).isTrue();
    assertThat(ENGINE.reached(key, "reviewed", ELEMENT_COMPLETED)).isTrue();
  }
}
