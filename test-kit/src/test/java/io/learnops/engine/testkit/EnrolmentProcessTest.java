package io.learnops.engine.testkit;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.assertions.ElementSelectors.byId;
import static io.camunda.process.test.api.assertions.ElementSelectors.byName;
import static io.learnops.engine.testkit.Processes.deploy;
import static io.learnops.engine.testkit.Processes.enrolment;
import static io.learnops.engine.testkit.Processes.start;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Camunda Process Test's process-instance assertions and job worker mocks, through {@link LearnOpsProcessTest}. */
@LearnOpsProcessTest
class EnrolmentProcessTest {

  private CamundaClient client;
  private CamundaProcessTestContext processTestContext;

  @BeforeEach
  void deployEnrolment() {
    deploy(client, enrolment());
  }

  @Test
  void aLearnerIsEnrolledAndCertified() {
    // given
    processTestContext.mockJobWorker("enrol").thenComplete(Map.of("enrolmentId", "E-17"));
    processTestContext.mockJobWorker("certify").thenComplete(Map.of("certificate", "C-9"));

    // when
    final ProcessInstanceEvent instance = start(client, "enrolment", Map.of("learner", "ada"));

    // then
    assertThat(instance)
        .isCompleted()
        .hasCompletedElements("requested", "enrol", "certify", "certified")
        .hasCompletedElements(byName("Enrol learner"), byName("Issue certificate"))
        .hasVariable("enrolmentId", "E-17")
        .hasVariables(Map.of("learner", "ada", "certificate", "C-9"))
        .hasNoActiveIncidents();
  }

  @Test
  void anEnrolmentWaitsForTheLms() {
    // when no worker serves "enrol"
    final ProcessInstanceEvent instance = start(client, "enrolment", Map.of("learner", "grace"));

    // then
    assertThat(instance)
        .isActive()
        .hasCompletedElements("requested")
        .hasActiveElements(byId("enrol"))
        .hasNotActivatedElements("certify");
  }

  @Test
  void aCancelledEnrolmentIsTerminated() {
    // given
    final ProcessInstanceEvent instance = start(client, "enrolment", Map.of("learner", "alan"));
    assertThat(instance).hasActiveElements("enrol");

    // when
    client.newCancelInstanceCommand(instance.getProcessInstanceKey()).send().join();

    // then
    assertThat(instance).isTerminated().hasTerminatedElements("enrol");
  }

  @Test
  void anLmsOutageEndsTheEnrolmentThroughItsErrorBoundary() {
    // given
    processTestContext.mockJobWorker("enrol").thenThrowBpmnError("lms-down", Map.of("outage", true));

    // when
    final ProcessInstanceEvent instance = start(client, "enrolment", Map.of("learner", "edsger"));

    // then
    assertThat(instance)
        .isCompleted()
        .hasTerminatedElements("enrol")
        .hasCompletedElements("lmsDown", "enrolmentFailed")
        .hasNotActivatedElements("certify")
        .hasVariable("outage", true);
  }

  @Test
  void anEnrolmentThatFailsWithoutRetriesRaisesAnIncident(CamundaClient parameterClient) {
    // given
    processTestContext.mockJobWorker("enrol").withHandler((jobClient, job) ->
        jobClient.newFailCommand(job).retries(0).errorMessage("LMS timed out").send().join());

    // when
    final ProcessInstanceEvent instance = start(parameterClient, "enrolment", Map.of("learner", "barbara"));

    // then
    assertThat(instance).isActive().hasActiveElements("enrol").hasActiveIncidents();
  }
}
