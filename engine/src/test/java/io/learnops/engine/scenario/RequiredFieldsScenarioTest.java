package io.learnops.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Answers carry every field the 8.8 schema requires, also where there is nothing to say, so that
 * clients that validate answers strictly accept them. Read as raw JSON: the client's own classes
 * would hide a missing field behind a null.
 */
class RequiredFieldsScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void searchesAndEvaluationsAnswerWithEveryRequiredFieldEvenWhenThereIsNothingToSay() throws Exception {
    final CamundaClient client = ENGINE.client(Transport.REST);
    ENGINE.deploy(Transport.REST, Bpmn.createExecutableProcess("sign-off").startEvent()
        .serviceTask("notify", t -> t.zeebeJobType("sign-off-notify"))
        .userTask("approve", t -> t.name("Approve the syllabus").zeebeUserTask()).endEvent().done());
    client.newDeployResourceCommand().addResourceFromClasspath("dmn/triage-rubric.dmn").send().join();
    final long instance = client.newCreateInstanceCommand().bpmnProcessId("sign-off").latestVersion()
        .variables(Map.of("syllabus", "v3")).send().join().getProcessInstanceKey();
    client.newCompleteCommand(JobWorkerScenarioTest.activateOne(client, "sign-off-notify")).send().join();
    final long userTask = await().until(() -> client.newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instance)).send().join().items(), tasks -> !tasks.isEmpty()).get(0)
        .getUserTaskKey();
    final HttpCalls rest = new HttpCalls(ENGINE.engine().restPort());

    final JsonNode elements = items(rest.post("/v2/element-instances/search",
        "{\"filter\":{\"processInstanceKey\":\"%d\"}}".formatted(instance)).body());
    final JsonNode variables = items(rest.post("/v2/user-tasks/%d/variables/search".formatted(userTask), "{}").body());
    final JsonNode evaluation = JSON.readTree(rest.post("/v2/decision-definitions/evaluation",
        "{\"decisionDefinitionId\":\"triage-tier\",\"variables\":{\"impact\":2,\"audience\":3,\"risk\":1,\"effort\":2}}")
        .body());

    // an unnamed element is named by its id; a named one by its name
    assertThat(elements.findValuesAsText("elementName")).contains("notify", "Approve the syllabus").hasSize(elements.size());
    assertThat(variables).isNotEmpty().allSatisfy(variable -> assertThat(variable.path("isTruncated").isBoolean()).isTrue());
    assertThat(evaluation.path("failedDecisionDefinitionId").isTextual()).isTrue();
    assertThat(evaluation.path("failureMessage").isTextual()).isTrue();
  }

  private static JsonNode items(String body) throws Exception {
    final JsonNode items = JSON.readTree(body).path("items");
    assertThat(items.isArray()).as(body).isTrue();
    return items;
  }
}
