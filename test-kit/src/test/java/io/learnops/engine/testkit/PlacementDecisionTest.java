package io.learnops.engine.testkit;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.learnops.engine.testkit.Processes.deploy;
import static io.learnops.engine.testkit.Processes.placement;
import static io.learnops.engine.testkit.Processes.start;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.assertions.DecisionSelectors;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code assertThat(decision)}: the decision instances a business rule task evaluated. */
@LearnOpsProcessTest
class PlacementDecisionTest {

  private CamundaClient client;

  @BeforeEach
  void deployPlacement() {
    client.newDeployResourceCommand().addResourceFromClasspath("course-level.dmn").send().join();
    deploy(client, placement());
  }

  @Test
  void aHighPlacementScoreLeadsToTheAdvancedCourse() {
    // when
    final ProcessInstanceEvent instance = start(client, "placement", Map.of("score", 85));

    // then
    assertThat(instance).isCompleted().hasCompletedElements("placeLearner").hasVariable("level", "advanced");
    assertThat(DecisionSelectors.byId("course-level", instance.getProcessInstanceKey()))
        .isEvaluated()
        .hasOutput("advanced")
        .hasMatchedRules(1);
  }

  @Test
  void aLowScoreMatchesOnlyTheBeginnerRule() {
    // when
    final ProcessInstanceEvent instance = start(client, "placement", Map.of("score", 20));

    // then
    assertThat(DecisionSelectors.byName("Course level", instance.getProcessInstanceKey()))
        .isEvaluated()
        .hasOutput("beginner")
        .hasMatchedRules(3)
        .hasNotMatchedRules(1, 2);
  }
}
