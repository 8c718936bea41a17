package io.learnops.engine.testkit;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.learnops.engine.testkit.Processes.deploy;
import static io.learnops.engine.testkit.Processes.planApproval;
import static io.learnops.engine.testkit.Processes.start;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code assertThat(userTask)} and {@code completeUserTask}: Camunda user tasks ({@code zeebe:userTask}). */
@LearnOpsProcessTest
class PlanApprovalUserTaskTest {

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;

  @Test
  void aTrainingManagerApprovesTheLearningPlan() {
    // given
    deploy(client, planApproval());
    final ProcessInstanceEvent instance = start(client, "plan-approval", Map.of("learner", "ada"));

    // then the task waits for a training manager
    assertThat(UserTaskSelectors.byElementId("approvePlan", instance.getProcessInstanceKey()))
        .isCreated()
        .hasName("Approve learning plan")
        .hasCandidateGroup("training-managers");

    // when
    processTestContext.completeUserTask("approvePlan", Map.of("approved", true));

    // then
    assertThat(UserTaskSelectors.byElementId("approvePlan")).isCompleted();
    assertThat(instance).isCompleted().hasCompletedElements("approvePlan", "approved").hasVariable("approved", true);
  }
}
