package io.learnops.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.app.support.WiredAppTest;
import io.learnops.connectors.lms.xapi.LearningStatement;
import io.learnops.connectors.lms.xapi.LearningStatement.Activity;
import io.learnops.connectors.lms.xapi.LearningStatement.Actor;
import io.learnops.connectors.lms.xapi.LearningStatement.Verb;
import io.learnops.connectors.lms.xapi.XapiClient;
import io.learnops.workers.support.ConnectorsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The watcher confirms a cohort from the sandbox LRS: the delivery waiting at
 * {@code AwaitCompletions} goes on once every enrolled learner has finished the course. The
 * app as shipped ({@link WiredAppTest}) checks every second.
 */
@WiredAppTest
class CohortProgressWatcherScenarioTest {

  @Autowired CamundaClient client;
  @Autowired XapiClient lrs;
  @Autowired ConnectorsProperties connectors;
  @Autowired MeterRegistry meters;
  @Autowired TestRestTemplate http;

  @Test
  void theDeliveryGoesOnOnceEveryEnrolledLearnerHasFinishedTheCourseInTheLrs() {
    // given a delivery of course 4242 to three learners, waiting for its cohort
    final String programId = UUID.randomUUID().toString();
    final String course = connectors.xapi().activityBase() + "4242";
    final long delivery = startDeliveryAwaitingCohort(programId, "4242", 3);

    // when two learners have finished (one passed, one failed) and a third passed another course
    lrs.store(statement("ann@acme.example", Verb.PASSED, course));
    lrs.store(statement("bob@acme.example", Verb.FAILED, course));
    lrs.store(statement("cy@acme.example", Verb.PASSED, connectors.xapi().activityBase() + "4243"));

    // then, after a check that started once they were stored, the delivery still waits
    awaitChecksStartedFromNow();
    assertThat(stateOf(delivery)).isEqualTo(ProcessInstanceState.ACTIVE);

    // when the third learner completes the course
    lrs.store(statement("cy@acme.example", Verb.COMPLETED, course));

    // then the watcher confirms the cohort and the delivery goes on
    await().atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(stateOf(delivery)).isEqualTo(ProcessInstanceState.COMPLETED));
  }

  @Test
  void anLrsOutageCostsTheWatcherSomeChecksNotItsLife() {
    // given a delivery of course 4244 to one learner, waiting for its cohort, and the LRS down
    final String course = connectors.xapi().activityBase() + "4244";
    final long delivery = startDeliveryAwaitingCohort(UUID.randomUUID().toString(), "4244", 1);
    http.postForEntity("/sandbox/admin/outage", Map.of("system", "xapi", "status", 503), String.class);

    // when the watcher checks while the LRS answers 503, then it keeps checking and the delivery waits
    awaitChecksStartedFromNow();
    assertThat(stateOf(delivery)).isEqualTo(ProcessInstanceState.ACTIVE);

    // when the LRS is back and the learner passes
    http.delete("/sandbox/admin/outage?system=xapi");
    lrs.store(statement("dee@acme.example", Verb.PASSED, course));

    // then the next checks confirm the cohort and the delivery goes on
    await().atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(stateOf(delivery)).isEqualTo(ProcessInstanceState.COMPLETED));
  }

  private long startDeliveryAwaitingCohort(String programId, String courseId, int audienceSize) {
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("await-cohort-lrs").startEvent()
        .receiveTask(WaitingCohorts.ELEMENT_ID)
        .message(m -> m.name(CohortCompletedMessage.NAME).zeebeCorrelationKeyExpression("programId"))
        .endEvent().done(), "await-cohort-lrs.bpmn").send().join();
    final long key = client.newCreateInstanceCommand().bpmnProcessId("await-cohort-lrs").latestVersion()
        .variables(Map.of("programId", programId, "courseId", courseId, "resolvedAudienceSize", audienceSize))
        .send().join().getProcessInstanceKey();
    await().until(() -> !client.newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(key).elementId(WaitingCohorts.ELEMENT_ID)).send().join().items().isEmpty());
    return key;
  }

  /** Two more finished checks: the later one started after this call, so it saw what is stored now. */
  private void awaitChecksStartedFromNow() {
    final double before = checks();
    await().atMost(Duration.ofSeconds(30)).until(() -> checks() >= before + 2);
  }

  private double checks() {
    return meters.get("learnops.delivery.completion_checks").counter().count();
  }

  private ProcessInstanceState stateOf(long processInstanceKey) {
    return client.newProcessInstanceGetRequest(processInstanceKey).send().join().getState();
  }

  private static LearningStatement statement(String email, Verb verb, String activity) {
    return LearningStatement.of(Actor.byEmail(email, email), verb, Activity.of(activity), Instant.now());
  }
}
