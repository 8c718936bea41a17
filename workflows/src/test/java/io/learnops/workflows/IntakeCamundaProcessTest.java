package io.learnops.workflows;

import static io.camunda.process.test.api.CamundaAssert.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.DecisionSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import io.learnops.engine.testkit.LearnOpsProcessTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The intake stage as a process owner would test it: with Camunda Process Test's assertions and
 * job worker mocks, on the engine the test kit starts (no Docker).
 */
@LearnOpsProcessTest
class IntakeCamundaProcessTest {

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;

  @BeforeEach
  void deployIntakeAndMockItsWorkers() {
    client.newDeployResourceCommand()
        .addResourceFromClasspath("learnops/models/intake.bpmn")
        .addResourceFromClasspath("learnops/models/intake-triage.dmn")
        .addResourceFromClasspath("learnops/models/intake-decision.form")
        .send().join();
    processTestContext.mockJobWorker("learnops.intake.validate-request").thenComplete();
    processTestContext.mockJobWorker("learnops.intake.check-duplicates")
        .thenComplete(Map.of("similarPrograms", List.of()));
    processTestContext.mockJobWorker("learnops.intake.notify-requester").thenComplete();
    processTestContext.mockJobWorker("learnops.task.event").thenComplete();
  }

  @Test
  void aMandatoryRequestIsTriagedTierOneAndTheOwnersDeclineReachesTheRequester() {
    // given a request scoring 11 (impact high, 600 learners, mandatory, medium urgency)
    final ProcessInstanceEvent intake = client.newCreateInstanceCommand().bpmnProcessId("intake").latestVersion()
        .variables(Fixtures.merge(Fixtures.request("P-200"), Fixtures.sla())).send().join();

    // then the rubric put it in tier 1 and the L&D owners have an urgent decision to make
    assertThat(DecisionSelectors.byId("intake-triage")).isEvaluated();
    assertThat(UserTaskSelectors.byElementId("DecideRequest"))
        .isCreated()
        .hasCandidateGroup("ld-owner")
        .hasPriority(80);

    // when an owner declines it
    processTestContext.completeUserTask(UserTaskSelectors.byElementId("DecideRequest"),
        Map.of("intakeDecision", "decline", "intakeDecisionReason", "Covered by the existing privacy course"));

    // then the requester is told and intake ends with the decision
    assertThat(intake)
        .isCompleted()
        .hasCompletedElements("ValidateRequest", "TriageRequest", "CheckDuplicates", "DecideRequest", "NotifyRequester")
        .hasVariable("intakeDecision", "decline");
    assertThat(UserTaskSelectors.byElementId("DecideRequest")).isCompleted();
  }
}
