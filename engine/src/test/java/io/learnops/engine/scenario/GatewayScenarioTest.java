package io.learnops.engine.scenario;

import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_ACTIVATING;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_COMPLETED;
import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.learnops.engine.state.Incident;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GatewayScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  /** Routes a request by budget: small ones to the L&D manager, large ones to finance too. */
  private static BpmnModelInstance routing(String id) {
    return Bpmn.createExecutableProcess(id).startEvent()
        .exclusiveGateway("byBudget")
          .conditionExpression("= budget < 10000").endEvent("managerOnly")
        .moveToLastExclusiveGateway()
          .conditionExpression("= budget >= 10000 and budget < 50000").endEvent("withSponsor")
        .moveToLastExclusiveGateway()
          .defaultFlow().endEvent("withFinance")
        .done();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theFirstTrueConditionWinsAndTheDefaultFlowCatchesTheRest(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    ENGINE.deploy(transport, routing("routing-" + transport));

    final long small = startWithResult(client, "routing-" + transport, Map.of("budget", 5000));
    final long medium = startWithResult(client, "routing-" + transport, Map.of("budget", 20000));
    final long large = startWithResult(client, "routing-" + transport, Map.of("budget", 90000));

    assertThat(ENGINE.reached(small, "managerOnly", ELEMENT_COMPLETED)).isTrue();
    assertThat(ENGINE.reached(medium, "withSponsor", ELEMENT_COMPLETED)).isTrue();
    assertThat(ENGINE.reached(large, "withFinance", ELEMENT_COMPLETED)).isTrue();
    assertThat(ENGINE.reached(large, "managerOnly", ELEMENT_ACTIVATING)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void whenNoConditionHoldsAndThereIsNoDefaultAnIncidentWaitsForTheFix(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "strict-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .exclusiveGateway("decide")
          .conditionExpression("= tier = 1").endEvent("fastTrack")
        .moveToLastExclusiveGateway()
          .conditionExpression("= tier = 2").endEvent("standard")
        .done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("tier", 3)).send().join();

    final Incident incident = await().until(() -> ENGINE.read(state -> state.incidents.values().stream()
        .filter(i -> i.processInstanceKey == instance.getProcessInstanceKey()).findFirst()), o -> o.isPresent()).get();
    assertThat(incident.errorType).isEqualTo(Incident.ErrorType.CONDITION_ERROR);
    assertThat(incident.elementId).isEqualTo("decide");

    client.newSetVariablesCommand(instance.getProcessInstanceKey()).variables(Map.of("tier", 2)).send().join();
    client.newResolveIncidentCommand(incident.key).send().join();

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "standard", ELEMENT_COMPLETED)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aParallelGatewayForksApprovalsAndJoinsWhenBothAreDone(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "approvals-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .parallelGateway("fork")
          .serviceTask("sponsor", t -> t.zeebeJobType("sponsor-" + transport))
          .parallelGateway("join")
          .endEvent("approved")
        .moveToNode("fork")
          .serviceTask("finance", t -> t.zeebeJobType("finance-" + transport))
          .connectTo("join")
        .done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .send().join();

    final ActivatedJob sponsor = activateOne(client, "sponsor-" + transport);
    final ActivatedJob finance = activateOne(client, "finance-" + transport);
    client.newCompleteCommand(sponsor.getKey()).variables(Map.of("sponsorApproved", true)).send().join();
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "join", ELEMENT_ACTIVATING)).isFalse();
    client.newCompleteCommand(finance.getKey()).variables(Map.of("financeApproved", true)).send().join();

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
    assertThat(ENGINE.records().processInstanceRecords()
        .filter(r -> r.value().processInstanceKey() == instance.getProcessInstanceKey()
            && "join".equals(r.value().elementId()) && r.intent() == ELEMENT_COMPLETED)
        .count()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void cancellingAnInstanceTerminatesItAndItsJobs(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "cancel-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("deliver", t -> t.zeebeJobType("deliver-" + transport)).endEvent().done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .send().join();
    final ActivatedJob job = activateOne(client, "deliver-" + transport);

    client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();

    assertThat(ENGINE.isTerminated(instance.getProcessInstanceKey())).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.newCompleteCommand(job.getKey()).send().join())
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.NOT_FOUND));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join())
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.NOT_FOUND));
  }

  private static long startWithResult(CamundaClient client, String id, Map<String, Object> variables) {
    final ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(variables).withResult().send().join();
    return result.getProcessInstanceKey();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anExclusiveJoinWithOneUnconditionalFlowTakesIt(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "exclusive-join-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .exclusiveGateway("route").condition("bought", "=designChoice = \"buy\"").manualTask("selectVendor")
        .exclusiveGateway("join").endEvent("designed")
        .moveToNode("route").condition("built", "=designChoice = \"build\"").manualTask("buildInHouse").connectTo("join").done());

    final ProcessInstanceResult bought = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("designChoice", "buy")).withResult().send().join();
    final ProcessInstanceResult built = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("designChoice", "build")).withResult().send().join();

    assertThat(ENGINE.reached(bought.getProcessInstanceKey(), "designed", ELEMENT_COMPLETED)).isTrue();
    assertThat(ENGINE.reached(built.getProcessInstanceKey(), "designed", ELEMENT_COMPLETED)).isTrue();
  }
}
