package io.learnops.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Decision;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.state.Incident;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DMN decisions: deployed with processes, called from business rule tasks and evaluated directly. */
class DecisionScenarioTest {

  private static final String RUBRIC = "dmn/triage-rubric.dmn";
  private static final String DECISION = "triage-tier";

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aBusinessRuleTaskSetsTheTierFromTheRubric(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "triage-" + transport;
    final DeploymentEvent deployment = deployRubricWithProcess(client, id);

    assertThat(deployment.getDecisions()).extracting(Decision::getDmnDecisionId).containsExactly(DECISION);
    assertThat(deployment.getDecisionRequirements()).singleElement()
        .satisfies(drg -> {
          assertThat(drg.getDmnDecisionRequirementsId()).isEqualTo("triage-rubric");
          assertThat(drg.getResourceName()).isEqualTo(RUBRIC);
        });
    final ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("impact", 3, "audience", 1, "risk", 3, "effort", 4)).withResult().send().join();

    assertThat(result.getVariablesAsMap()).containsEntry("tier", "urgent");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void evaluateDecisionAnswersTheRubricsOutput(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final Decision deployed = deployRubricWithProcess(client, "evaluate-" + transport).getDecisions().get(0);

    final EvaluateDecisionResponse byId = client.newEvaluateDecisionCommand().decisionId(DECISION)
        .variables(Map.of("impact", 2, "audience", 3, "risk", 1, "effort", 2)).send().join();
    final EvaluateDecisionResponse byKey = client.newEvaluateDecisionCommand().decisionKey(deployed.getDecisionKey())
        .variables(Map.of("impact", 1, "audience", 1, "risk", 1, "effort", 1)).send().join();

    assertThat(byId.getDecisionOutput()).isEqualTo("\"high\"");
    assertThat(byId.getDecisionKey()).isEqualTo(deployed.getDecisionKey());
    assertThat(byId.getDecisionVersion()).isEqualTo(deployed.getVersion());
    assertThat(byKey.getDecisionOutput()).isEqualTo("\"standard\"");
    final var matched = byId.getEvaluatedDecisions().get(0).getMatchedRules();
    assertThat(matched).extracting(r -> r.getRuleId(), r -> r.getRuleIndex()).containsExactly(
        org.assertj.core.groups.Tuple.tuple("high", 2));
    assertThat(matched.get(0).getEvaluatedOutputs().get(0).getOutputValue()).isEqualTo("\"high\"");
    assertThat(byId.getEvaluatedDecisions().get(0).getEvaluatedInputs()).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void evaluatingAnUnknownDecisionIsNotFound(Transport transport) {
    assertThatThrownBy(() -> ENGINE.client(transport).newEvaluateDecisionCommand().decisionId("no-such-decision")
        .send().join())
        .hasMessageContaining("no-such-decision")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.NOT_FOUND));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void redeployingAnUnchangedRubricKeepsItsVersion(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final Decision first = deployRubric(client).getDecisions().get(0);
    final Decision again = deployRubric(client).getDecisions().get(0);

    assertThat(again.getVersion()).isEqualTo(first.getVersion());
    assertThat(again.getDecisionKey()).isEqualTo(first.getDecisionKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aChangedRubricIsTheNextVersion(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String dmn = rubricText().replace("triage-rubric", "changing-rubric-" + transport)
        .replace("triage-tier", "changing-tier-" + transport);
    final Decision first = deployDmn(client, dmn).getDecisions().get(0);
    final Decision changed = deployDmn(client, dmn.replace("\"urgent\"", "\"critical\"")).getDecisions().get(0);

    assertThat(changed.getVersion()).isEqualTo(first.getVersion() + 1);
    assertThat(changed.getDecisionKey()).isNotEqualTo(first.getDecisionKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anInvalidRubricIsRejectedAndNothingOfTheDeploymentIsStored(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "not-stored-" + transport;
    final String invalid = rubricText().replace("triage-rubric", "broken-rubric-" + transport)
        .replace("\"urgent\"", "\"urgent");

    assertThatThrownBy(() -> client.newDeployResourceCommand()
        .addResourceString(invalid, StandardCharsets.UTF_8, "broken-rubric.dmn")
        .addProcessModel(Bpmn.createExecutableProcess(id).startEvent().endEvent().done(), id + ".bpmn")
        .send().join())
        .hasMessageContaining("broken-rubric.dmn")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT));
    final boolean stored = ENGINE.read(state -> state.latestDefinition(EngineApi.DEFAULT_TENANT, id).isPresent());
    assertThat(stored).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aFailingEvaluationRaisesAnIncidentThatResolvesOnceTheVariablesAreFixed(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "triage-incomplete-" + transport;
    deployRubricWithProcess(client, id);
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("audience", 2, "risk", 1, "effort", 1)).send().join();

    final Incident incident = await().until(() -> ENGINE.read(state -> state.incidents.values().stream()
        .filter(i -> i.processInstanceKey == instance.getProcessInstanceKey()).findFirst()), o -> o.isPresent()).get();
    assertThat(incident.errorType).isEqualTo(Incident.ErrorType.DECISION_EVALUATION_ERROR);
    assertThat(incident.errorMessage).contains(DECISION).contains("impact is required");
    client.newSetVariablesCommand(instance.getProcessInstanceKey()).variables(Map.of("impact", 3)).send().join();
    client.newResolveIncidentCommand(incident.key).send().join();

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
    final boolean open = ENGINE.read(state -> state.incidents.containsKey(incident.key));
    assertThat(open).isFalse();
  }

  private static DeploymentEvent deployRubricWithProcess(CamundaClient client, String processId) {
    return client.newDeployResourceCommand()
        .addResourceFromClasspath(RUBRIC)
        .addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
            .businessRuleTask("triage", t -> t.zeebeCalledDecisionId(DECISION).zeebeResultVariable("tier"))
            .endEvent().done(), processId + ".bpmn")
        .send().join();
  }

  private static DeploymentEvent deployRubric(CamundaClient client) {
    return client.newDeployResourceCommand().addResourceFromClasspath(RUBRIC).send().join();
  }

  private static DeploymentEvent deployDmn(CamundaClient client, String dmn) {
    return client.newDeployResourceCommand().addResourceString(dmn, StandardCharsets.UTF_8, "changing.dmn")
        .send().join();
  }

  private static String rubricText() {
    try (var in = DecisionScenarioTest.class.getClassLoader().getResourceAsStream(RUBRIC)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
