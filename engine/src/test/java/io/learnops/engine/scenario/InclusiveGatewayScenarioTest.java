package io.learnops.engine.scenario;

import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_ACTIVATING;
import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Review routes a program to every approver its budget and risk call for, and waits for those only. */
class InclusiveGatewayScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  private static BpmnModelInstance review(String id, Transport transport) {
    final BpmnModelInstance model = Bpmn.createExecutableProcess(id).startEvent()
        .inclusiveGateway("route")
          .conditionExpression("= budget > 10000").serviceTask("sponsor", t -> t.zeebeJobType("sponsor-" + id))
          .inclusiveGateway("allApproved").endEvent("approved")
        .moveToNode("route")
          .conditionExpression("= compliance").serviceTask("compliance", t -> t.zeebeJobType("compliance-" + id))
          .connectTo("allApproved")
        .moveToNode("route")
          .sequenceFlowId("toManager").serviceTask("manager", t -> t.zeebeJobType("manager-" + id))
          .connectTo("allApproved")
        .done();
    final InclusiveGateway route = model.getModelElementById("route");
    route.setDefault(model.getModelElementById("toManager"));
    return model;
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void everyApproverWhoseConditionHoldsIsAskedAndTheJoinWaitsForThemAll(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "review-" + transport;
    ENGINE.deploy(transport, review(id, transport));
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("budget", 50000, "compliance", true)).send().join();

    final ActivatedJob sponsor = activateOne(client, "sponsor-" + id);
    final ActivatedJob compliance = activateOne(client, "compliance-" + id);
    client.newCompleteCommand(sponsor.getKey()).send().join();
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "allApproved", ELEMENT_ACTIVATING)).isFalse();
    assertThat(client.newActivateJobsCommand().jobType("manager-" + id).maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(100)).send().join().getJobs()).isEmpty();
    client.newCompleteCommand(compliance.getKey()).send().join();

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void whenOnlyOneBranchIsTakenTheJoinDoesNotWaitForTheOthers(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "review-" + transport;
    ENGINE.deploy(transport, review(id, transport));
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("budget", 50000, "compliance", false)).send().join();

    client.newCompleteCommand(activateOne(client, "sponsor-" + id).getKey()).send().join();

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void withNoConditionHoldingTheDefaultFlowIsTaken(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "review-" + transport;
    ENGINE.deploy(transport, review(id, transport));
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("budget", 500, "compliance", false)).send().join();

    client.newCompleteCommand(activateOne(client, "manager-" + id).getKey()).send().join();

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
  }
}
