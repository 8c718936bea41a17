package io.learnops.engine.testkit;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.learnops.engine.testkit.Processes.deploy;
import static io.learnops.engine.testkit.Processes.enrolment;
import static io.learnops.engine.testkit.Processes.reminder;
import static io.learnops.engine.testkit.Processes.start;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaProcessTestExtension;
import io.camunda.process.test.api.CamundaProcessTestRuntimeMode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Camunda Process Test, unchanged and configured as its documentation describes for a remote
 * runtime, against the standalone engine jar in a child JVM. Nothing of the test kit is involved.
 */
class StandaloneEngineJarProcessTest {

  @RegisterExtension
  @Order(1)
  static final StandaloneEngineJar ENGINE = new StandaloneEngineJar();

  @RegisterExtension
  @Order(2)
  static final CamundaProcessTestExtension EXTENSION = new CamundaProcessTestExtension()
      .withRuntimeMode(CamundaProcessTestRuntimeMode.REMOTE)
      .withRemoteCamundaClientBuilderFactory(ENGINE::clientBuilder)
      .withRemoteCamundaMonitoringApiAddress(ENGINE.managementAddress());

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;

  @Test
  void aLearnerIsEnrolledAndCertified() {
    // given
    deploy(client, enrolment());
    processTestContext.mockJobWorker("enrol").thenComplete(Map.of("enrolmentId", "E-17"));
    processTestContext.mockJobWorker("certify").thenComplete();

    // when
    final ProcessInstanceEvent instance = start(client, "enrolment", Map.of("learner", "ada"));

    // then
    assertThat(instance).isCompleted().hasCompletedElements("enrol", "certify").hasVariable("enrolmentId", "E-17");
  }

  @Test
  void theReminderGoesOutThreeDaysLater() {
    // given
    deploy(client, reminder());
    processTestContext.mockJobWorker("remind").thenComplete();
    final ProcessInstanceEvent instance = start(client, "reminder", Map.of());
    assertThat(instance).hasActiveElements("threeDays");

    // when
    processTestContext.increaseTime(Duration.ofDays(3));

    // then
    assertThat(instance).isCompleted().hasCompletedElements("threeDays", "remind");
  }
}
