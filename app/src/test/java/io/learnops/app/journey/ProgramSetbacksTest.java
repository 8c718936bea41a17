package io.learnops.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Incident;
import io.learnops.app.support.ProgramJourney;
import io.learnops.app.tasks.ProgramInstances;
import io.learnops.app.support.WiredAppTest;
import io.learnops.engine.Engine;
import io.learnops.sandbox.moodle.MoodleState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

/**
 * Programs that do not go straight through, on the app as shipped: a request declined at intake,
 * a program rejected in review, and a delivery that meets the LMS down.
 */
@WiredAppTest
class ProgramSetbacksTest {

  @Autowired TestRestTemplate http;
  @Autowired CamundaClient client;
  @Autowired Engine engine;
  @Autowired ProgramInstances instances;
  @Autowired MoodleState lms;

  @AfterEach
  void lmsIsBack() {
    http.exchange("/sandbox/admin/outage", HttpMethod.DELETE, null, Void.class);
  }

  @Test
  void aRequestDeclinedAtIntakeEndsThereWithTheRequesterTold() {
    final ProgramJourney journey = new ProgramJourney(http, client, engine, instances);
    final String id = journey.request(request("Advanced spreadsheet macros", 8));

    // when the L&D owner declines it
    journey.completeTask(id, "DecideRequest", Map.of("intakeDecision", "decline",
        "intakeDecisionReason", "Covered by the existing self-paced course"));

    // then the program ends after intake, not accepted, and never reaches design
    final Map<String, Object> done = journey.awaitDetail(id, d -> "COMPLETED".equals(d.get("status")));
    assertThat(done).containsEntry("outcome", "NOT_ACCEPTED").containsEntry("currentStage", null);
    assertThat(stages(done)).extracting(s -> s.get("stage")).containsExactly("Intake");
    assertThat(journey.openTasks(id)).isEmpty();
  }

  @Test
  void aProgramRejectedInReviewEndsWithoutDelivery() {
    final ProgramJourney journey = new ProgramJourney(http, client, engine, instances);
    final String id = buildToReview(journey, "Presentation skills for engineers");

    // when the only approver for a small budget, the L&D manager, rejects it
    final Map<String, Object> approval = journey.awaitTask(id, "Approve");
    assertThat(approval.get("candidateGroups")).isEqualTo(List.of("ld-manager"));
    journey.complete(approval, Map.of("approvalOutcome", "rejected", "approvalComment", "Not a priority this year"));

    // then the program ends, rejected, after review
    final Map<String, Object> done = journey.awaitDetail(id, d -> "COMPLETED".equals(d.get("status")));
    assertThat(done).containsEntry("outcome", "REJECTED");
    assertThat(stages(done)).extracting(s -> s.get("stage")).containsExactly("Intake", "Design", "Review");
  }

  @Test
  void whenTheLmsIsDownTheCourseWaitsInAnIncidentAndDeliveryGoesOnOnceItIsResolved() {
    final ProgramJourney journey = new ProgramJourney(http, client, engine, instances);
    final String id = buildToReview(journey, "Incident command for on-call engineers");

    // given the LMS is down when the program is approved
    assertThat(journey.post("/sandbox/admin/outage", Map.of("system", "moodle", "status", 503)).getStatusCode().value())
        .isEqualTo(200);
    journey.completeTask(id, "Approve", Map.of("approvalOutcome", "approved", "approvalComment", "Go"));
    journey.awaitStage(id, "delivery");

    // when creating the course fails on every retry (the back-off waits on the engine's clock)
    final Incident incident = await().atMost(ProgramJourney.PATIENCE).pollInterval(Duration.ofMillis(500))
        .until(() -> {
          journey.moveClock(Duration.ofMinutes(1));
          return journey.incidents(id);
        }, incidents -> !incidents.isEmpty()).get(0);

    // then an incident on CreateCourse tells the operator why, and no course exists yet
    assertThat(incident.getElementId()).isEqualTo("CreateCourse");
    assertThat(incident.getErrorMessage()).contains("503");
    assertThat(journey.variable(id, "courseId")).isEmpty();
    assertThat(journey.awaitStep(id, "CreateCourse")).containsEntry("incident", true);

    // when the LMS is back and the operator gives the job a retry and resolves the incident
    http.exchange("/sandbox/admin/outage?system=moodle", HttpMethod.DELETE, null, Void.class);
    final RestClient operator = RestClient.create("http://localhost:" + engine.restPort());
    operator.patch().uri("/v2/jobs/{key}", incident.getJobKey())
        .body(Map.of("changeset", Map.of("retries", 1))).retrieve().toBodilessEntity();
    operator.post().uri("/v2/incidents/{key}/resolution", incident.getIncidentKey())
        .retrieve().toBodilessEntity();

    // then the course is created and the department enrolled, with no incident left
    final long courseId = journey.awaitVariable(id, "courseId").asLong();
    final int cohort = journey.awaitVariable(id, "resolvedAudienceSize").asInt();
    await().atMost(ProgramJourney.PATIENCE).until(() -> lms.enrolledUsers(courseId).size() == cohort);
    assertThat(journey.incidents(id)).isEmpty();
  }

  /** A built program with a small budget (one approver) waiting for review. */
  private static String buildToReview(ProgramJourney journey, String title) {
    final String id = journey.request(request(title, 30));
    journey.completeTask(id, "DecideRequest", Map.of("intakeDecision", "accept", "intakeDecisionReason", "Needed"));
    journey.completeTask(id, "AnalyseNeeds", Map.of("designChoice", "build", "learningObjectives", "Run the call",
        "deliveryFormat", "virtual", "estimatedBudget", 6000, "riskLevel", "low", "complianceRelated", false));
    journey.completeTask(id, "DesignCourse", Map.of("designDocumentUrl", "https://wiki.acme.example/design",
        "plannedHours", 6));
    journey.completeTask(id, "DevelopContent", Map.of("contentPackageUrl", "https://wiki.acme.example/content",
        "estimatedBudget", 6000, "pilotDone", true));
    journey.awaitStage(id, "review");
    return id;
  }

  private static Map<String, Object> request(String title, int audienceSize) {
    return Map.of("title", title, "requester", "sam.okafor@acme.example", "businessUnit", "Engineering",
        "audienceSize", audienceSize, "budget", 6000, "compliance", false);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> stages(Map<String, Object> detail) {
    return (List<Map<String, Object>>) detail.get("stages");
  }
}
