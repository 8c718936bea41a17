package io.learnops.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.search.response.DecisionDefinition;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.search.response.DecisionInstanceState;
import io.camunda.client.api.search.response.DecisionRequirements;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Decision definitions, requirements and instances (business rule tasks and EvaluateDecision). */
class ReadApiDecisionScenarioTest {

  private static final Map<String, Object> URGENT = Map.of("impact", 3, "audience", 1, "risk", 3, "effort", 4);

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  private static CamundaClient client;

  @BeforeAll
  static void deploy() {
    client = ENGINE.client(Transport.REST);
    client.newDeployResourceCommand()
        .addResourceFromClasspath("dmn/triage-rubric.dmn")
        .addProcessModel(Bpmn.createExecutableProcess("triage").startEvent()
            .businessRuleTask("rate", t -> t.zeebeCalledDecisionId("triage-tier").zeebeResultVariable("tier"))
            .endEvent().done(), "triage.bpmn")
        .send().join();
  }

  @Test
  void decisionDefinitionsAndRequirementsAreSearchableWithTheirXml() {
    // when
    final DecisionDefinition definition = client.newDecisionDefinitionSearchRequest()
        .filter(f -> f.decisionDefinitionId("triage-tier")).send().join().singleItem();
    final DecisionRequirements requirements = client.newDecisionRequirementsSearchRequest().send().join().singleItem();

    // then
    assertThat(definition.getVersion()).isEqualTo(1);
    assertThat(definition.getDmnDecisionRequirementsId()).isEqualTo("triage-rubric");
    assertThat(client.newDecisionDefinitionGetRequest(definition.getDecisionKey()).send().join().getDmnDecisionId())
        .isEqualTo("triage-tier");
    assertThat(client.newDecisionDefinitionGetXmlRequest(definition.getDecisionKey()).send().join())
        .contains("triage-tier");
    assertThat(requirements.getDecisionRequirementsKey()).isEqualTo(definition.getDecisionRequirementsKey());
    assertThat(client.newDecisionRequirementsGetXmlRequest(requirements.getDecisionRequirementsKey()).send().join())
        .contains("triage-rubric");
  }

  @Test
  void aBusinessRuleTaskLeavesADecisionInstanceOfItsProcessInstance() {
    // given
    final long instance = client.newCreateInstanceCommand().bpmnProcessId("triage").latestVersion()
        .variables(URGENT).send().join().getProcessInstanceKey();

    // when
    final DecisionInstance evaluated = client.newDecisionInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(instance)).send().join().singleItem();

    // then
    assertThat(evaluated.getState()).isEqualTo(DecisionInstanceState.EVALUATED);
    assertThat(evaluated.getDecisionDefinitionId()).isEqualTo("triage-tier");
    assertThat(evaluated.getResult()).isEqualTo("\"urgent\"");
    assertThat(evaluated.getElementInstanceKey()).isPositive();
  }

  @Test
  void anEvaluationIsReadableByItsId() {
    // given
    final EvaluateDecisionResponse response = client.newEvaluateDecisionCommand().decisionId("triage-tier")
        .variables(URGENT).send().join();

    // when
    final DecisionInstance evaluated =
        client.newDecisionInstanceGetRequest(response.getDecisionEvaluationKey() + "-1").send().join();

    // then
    assertThat(evaluated.getDecisionInstanceKey()).isEqualTo(response.getDecisionEvaluationKey());
    assertThat(evaluated.getResult()).isEqualTo("\"urgent\"");
    assertThat(evaluated.getProcessInstanceKey()).isEqualTo(-1L);
  }
}
