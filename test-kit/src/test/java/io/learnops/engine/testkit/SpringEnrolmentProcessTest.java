package io.learnops.engine.testkit;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.learnops.engine.testkit.Processes.deploy;
import static io.learnops.engine.testkit.Processes.enrolment;
import static io.learnops.engine.testkit.Processes.start;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * CPT's Spring integration through {@link LearnOpsSpringProcessTest}: the application's own
 * {@code @JobWorker} does the enrolment, CPT mocks the certificate worker.
 */
@SpringBootTest(classes = SpringEnrolmentProcessTest.EnrolmentApplication.class)
@LearnOpsSpringProcessTest
class SpringEnrolmentProcessTest {

  @Autowired private CamundaClient client;
  @Autowired private CamundaProcessTestContext processTestContext;

  @Test
  void theApplicationsWorkerEnrolsTheLearner() {
    // given
    deploy(client, enrolment());
    processTestContext.mockJobWorker("certify").thenComplete();

    // when
    final ProcessInstanceEvent instance = start(client, "enrolment", Map.of("learner", "ada"));

    // then
    assertThat(instance).isCompleted().hasVariable("enrolmentId", "E-ada");
  }

  @Test
  void theClockOfTheEngineCanBeMoved() {
    // given
    final Instant before = processTestContext.getCurrentTime();

    // when
    processTestContext.increaseTime(Duration.ofDays(7));

    // then
    assertThat(processTestContext.getCurrentTime()).isAfterOrEqualTo(before.plus(Duration.ofDays(7)));
  }

  @SpringBootApplication
  public static class EnrolmentApplication {

    // public and named: the Camunda Spring starter invokes workers reflectively, and this build
    // compiles without -parameters
    @JobWorker(type = "enrol")
    public Map<String, Object> enrol(@Variable("learner") String learner) {
      return Map.of("enrolmentId", "E-" + learner);
    }
  }
}
