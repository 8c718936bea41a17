package io.learnops.engine.scenario;

import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Variable scoping and propagation as Zeebe documents it. */
class VariableScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  @ParameterizedTest
  @EnumSource(Transport.class)
  void inputMappingsMakeLocalVariablesAndOutputMappingsAloneReachTheProcess(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "mapping-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("quote", t -> t.zeebeJobType("quote-map-" + transport)
            .zeebeInputExpression("program.audienceSize", "learners")
            .zeebeOutputExpression("price * learners", "totalCost"))
        .endEvent().done());

    final var result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("program", Map.of("audienceSize", 40))).withResult().requestTimeout(java.time.Duration.ofSeconds(20))
        .send();
    final ActivatedJob job = activateOne(client, "quote-map-" + transport);
    assertThat(job.getVariablesAsMap()).containsEntry("learners", 40);
    client.newCompleteCommand(job.getKey()).variables(Map.of("price", 250, "vendorNote", "incl. materials")).send().join();

    final Map<String, Object> variables = result.join().getVariablesAsMap();
    assertThat(variables).containsEntry("totalCost", 10000).doesNotContainKeys("learners", "price", "vendorNote");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aMappingSourceWithoutALeadingEqualsSignIsAStringLiteralAsConnectorTemplatesWriteThem(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "literal-sources-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("callLms", t -> t.zeebeJobType(id)
            .zeebeInput("https://lms.example.org/api/enrolments", "url")
            .zeebeInput("{{secrets.LMS_TOKEN}}", "token")
            .zeebeInput("get", "method")
            .zeebeInput("20", "timeoutSeconds")
            .zeebeInput("=20", "retries"))
        .endEvent().done());

    client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();

    assertThat(activateOne(client, id).getVariablesAsMap())
        .containsEntry("url", "https://lms.example.org/api/enrolments")
        .containsEntry("token", "{{secrets.LMS_TOKEN}}")
        .containsEntry("method", "get")
        .containsEntry("timeoutSeconds", "20")
        .containsEntry("retries", 20);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void withoutOutputMappingsCompletionVariablesUpdateTheScopeThatHasThemElseTheRoot(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "propagate-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("check", t -> t.zeebeJobType("check-" + transport).zeebeInputExpression("\"draft\"", "status"))
        .endEvent().done());

    final var result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("status", "requested")).withResult().requestTimeout(java.time.Duration.ofSeconds(20)).send();
    final ActivatedJob job = activateOne(client, "check-" + transport);
    assertThat(job.getVariablesAsMap()).containsEntry("status", "draft");
    client.newCompleteCommand(job.getKey()).variables(Map.of("status", "checked", "checkedBy", "ops")).send().join();

    assertThat(result.join().getVariablesAsMap())
        .containsEntry("status", "requested")
        .containsEntry("checkedBy", "ops");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void setVariablesLocallyOrPropagated(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "set-vars-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("task", t -> t.zeebeJobType("set-vars-" + transport)).endEvent().done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("owner", "lea")).send().join();
    final ActivatedJob job = activateOne(client, "set-vars-" + transport);

    client.newSetVariablesCommand(job.getElementInstanceKey()).variables(Map.of("draft", true)).local(true).send().join();
    client.newSetVariablesCommand(job.getElementInstanceKey()).variables(Map.of("owner", "sam")).send().join();

    final Map<String, Object> root = ENGINE.read(state -> Map.copyOf(state.variables.get(instance.getProcessInstanceKey())));
    final Map<String, Object> local = ENGINE.read(state -> Map.copyOf(state.variables.get(job.getElementInstanceKey())));
    assertThat(root).containsEntry("owner", "sam").doesNotContainKey("draft");
    assertThat(local).containsEntry("draft", true);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anOutputMappingWithADottedTargetBuildsANestedObject(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "nested-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("score", t -> t.zeebeJobType("score-" + transport)
            .zeebeOutputExpression("tier", "triage.tier")
            .zeebeOutputExpression("score", "triage.score"))
        .endEvent().done());

    final var result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .withResult().requestTimeout(java.time.Duration.ofSeconds(20)).send();
    final ActivatedJob job = activateOne(client, "score-" + transport);
    client.newCompleteCommand(job.getKey()).variables(Map.of("tier", 1, "score", 11)).send().join();

    assertThat(result.join().getVariablesAsMap()).containsEntry("triage", Map.of("tier", 1, "score", 11));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void settingVariablesOnAnUnknownScopeIsNotFound(Transport transport) {
    assertThatThrownBy(() -> ENGINE.client(transport).newSetVariablesCommand(2251799813777777L)
        .variables(Map.of("a", 1)).send().join())
        .hasMessageContaining("2251799813777777")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.NOT_FOUND));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aFailingInputMappingRaisesAnIncidentThatResolvesAfterTheFix(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "bad-mapping-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("quote", t -> t.zeebeJobType("bad-mapping-" + transport)
            .zeebeInputExpression("assert(budget, budget != null)", "limit"))
        .endEvent().done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .send().join();

    final var incident = await().until(() -> ENGINE.read(state -> state.incidents.values().stream()
        .filter(i -> i.processInstanceKey == instance.getProcessInstanceKey()).findFirst()), o -> o.isPresent()).get();
    client.newSetVariablesCommand(instance.getProcessInstanceKey()).variables(Map.of("budget", 900)).send().join();
    client.newResolveIncidentCommand(incident.key).send().join();

    assertThat(activateOne(client, "bad-mapping-" + transport).getVariablesAsMap()).containsEntry("limit", 900);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aDecimalAmountIsReadBackAsAPlainNumber(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "quote-amount-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("order", t -> t.zeebeJobType(id)).endEvent().done());

    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("quotedCost", new java.math.BigDecimal("1850.00"))).send().join();

    final String stored = client.newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(instance.getProcessInstanceKey()).name("quotedCost"))
        .send().join().items().get(0).getValue();
    assertThat(stored).startsWith("1850").doesNotContain("E");
  }
}
