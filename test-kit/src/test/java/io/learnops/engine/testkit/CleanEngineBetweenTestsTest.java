package io.learnops.engine.testkit;

import static io.learnops.engine.testkit.Processes.enrolment;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * After each test CPT resets the engine's clock and purges it; every repetition therefore starts
 * on an empty engine at the present time. {@code @Nested} classes run on the same engine. This
 * needs no read API.
 */
@LearnOpsProcessTest
class CleanEngineBetweenTestsTest {

  @RepeatedTest(2)
  void everyTestStartsOnAnEmptyEngineAtThePresentTime(CamundaClient client, CamundaProcessTestContext context) {
    // given time moved by an earlier repetition has been reset
    assertThat(context.getCurrentTime()).isBefore(Instant.now().plus(Duration.ofDays(1)));

    // when
    final DeploymentEvent deployment = client.newDeployResourceCommand()
        .addProcessModel(enrolment(), "enrolment.bpmn").send().join();
    context.increaseTime(Duration.ofDays(30));

    // then a deployment of an earlier repetition has been purged
    assertThat(deployment.getProcesses()).singleElement().satisfies(process -> assertThat(process.getVersion()).isOne());
  }

  @Nested
  class InANestedClass {

    private CamundaClient injected;

    @Test
    void fieldsAreInjectedAndTheEngineIsEmpty() {
      // when
      final DeploymentEvent deployment = injected.newDeployResourceCommand()
          .addProcessModel(enrolment(), "enrolment.bpmn").send().join();

      // then
      assertThat(deployment.getProcesses()).singleElement().satisfies(process -> assertThat(process.getVersion()).isOne());
    }
  }
}
