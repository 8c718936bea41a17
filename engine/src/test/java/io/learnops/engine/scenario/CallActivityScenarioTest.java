package io.learnops.engine.scenario;

import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_COMPLETED;
import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.learnops.engine.state.Incident;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A learning program calls one process per stage. */
class CallActivityScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  private static BpmnModelInstance designStage(Transport transport) {
    return Bpmn.createExecutableProcess("design-stage-" + transport).startEvent()
        .serviceTask("design", t -> t.zeebeJobType("design-work-" + transport))
        .endEvent().done();
  }

  private static BpmnModelInstance program(Transport transport, boolean propagateAll) {
    return Bpmn.createExecutableProcess("program-" + transport + "-" + propagateAll).startEvent()
        .callActivity("design", c -> c.zeebeProcessIdExpression("\"design-stage-" + transport + "\"")
            .zeebePropagateAllChildVariables(propagateAll)
            .zeebeOutputExpression("if designApproved = null then false else designApproved", "approved"))
        .boundaryEvent("outOfBudget").error("OVER_BUDGET").endEvent("stopped")
        .moveToActivity("design")
        .endEvent("designed")
        .done();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theStageGetsTheProgramVariablesAndOnlyTheMappedResultComesBack(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    ENGINE.deploy(transport, designStage(transport));
    ENGINE.deploy(transport, program(transport, false));
    final var result = client.newCreateInstanceCommand().bpmnProcessId("program-" + transport + "-false").latestVersion()
        .variables(Map.of("title", "Coaching basics")).withResult().requestTimeout(Duration.ofSeconds(20)).send();

    final ActivatedJob design = activateOne(client, "design-work-" + transport);
    assertThat(design.getBpmnProcessId()).isEqualTo("design-stage-" + transport);
    assertThat(design.getVariablesAsMap()).containsEntry("title", "Coaching basics");
    client.newCompleteCommand(design.getKey()).variables(Map.of("designApproved", true, "draftUrl", "x")).send().join();

    assertThat(result.join().getVariablesAsMap())
        .containsEntry("approved", true)
        .doesNotContainKeys("designApproved", "draftUrl");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anErrorThrownInTheStageIsCaughtOnTheCallActivity(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    ENGINE.deploy(transport, designStage(transport));
    ENGINE.deploy(transport, program(transport, true));
    final ProcessInstanceEvent program = client.newCreateInstanceCommand()
        .bpmnProcessId("program-" + transport + "-true").latestVersion().send().join();

    final ActivatedJob design = activateOne(client, "design-work-" + transport);
    client.newThrowErrorCommand(design.getKey()).errorCode("OVER_BUDGET").send().join();

    await().until(() -> ENGINE.reached(program.getProcessInstanceKey(), "stopped", ELEMENT_COMPLETED));
    assertThat(ENGINE.isTerminated(design.getProcessInstanceKey())).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void cancellingTheProgramCancelsTheStageButTheStageCannotBeCancelledAlone(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    ENGINE.deploy(transport, designStage(transport));
    ENGINE.deploy(transport, program(transport, true));
    final ProcessInstanceEvent program = client.newCreateInstanceCommand()
        .bpmnProcessId("program-" + transport + "-true").latestVersion().send().join();
    final ActivatedJob design = activateOne(client, "design-work-" + transport);

    assertThatThrownBy(() -> client.newCancelInstanceCommand(design.getProcessInstanceKey()).send().join())
        .hasMessageContaining(String.valueOf(design.getProcessInstanceKey()));
    client.newCancelInstanceCommand(program.getProcessInstanceKey()).send().join();

    assertThat(ENGINE.isTerminated(design.getProcessInstanceKey())).isTrue();
    assertThat(ENGINE.isTerminated(program.getProcessInstanceKey())).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void callingAProcessThatIsNotDeployedRaisesAnIncidentUntilItIs(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "calls-missing-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .callActivity("evaluate", c -> c.zeebeProcessId("evaluation-stage-" + transport)).endEvent().done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .send().join();

    final Incident incident = await().until(() -> ENGINE.read(state -> state.incidents.values().stream()
        .filter(i -> i.processInstanceKey == instance.getProcessInstanceKey()).findFirst()), o -> o.isPresent()).get();
    assertThat(incident.errorType).isEqualTo(Incident.ErrorType.CALLED_ELEMENT_ERROR);
    assertThat(incident.errorMessage).contains("evaluation-stage-" + transport);

    ENGINE.deploy(transport, Bpmn.createExecutableProcess("evaluation-stage-" + transport).startEvent().endEvent().done());
    client.newResolveIncidentCommand(incident.key).send().join();

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
  }
}
