package io.learnops.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.learnops.app.support.ProgramJourney;
import io.learnops.app.tasks.ProgramInstances;
import io.learnops.app.support.WiredAppTest;
import io.learnops.engine.Engine;
import io.learnops.sandbox.moodle.MoodleState;
import io.learnops.sandbox.moodle.MoodleUser;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * One bought program from request to measured impact, on the app as shipped: the real models,
 * workers and sandbox (Moodle, SCIM, xAPI LRS and three vendors) on the embedded engine. Every
 * figure of the final report is computed here again from the data the scenario put in.
 */
@WiredAppTest
class LearningProgramJourneyTest {

  private static final String NORTHWIND = "northwind-academy";

  @Autowired TestRestTemplate http;
  @Autowired CamundaClient client;
  @Autowired Engine engine;
  @Autowired ProgramInstances instances;
  @Autowired MoodleState lms;

  @Test
  void aBoughtProgramGoesFromRequestThroughReworkDeliveryAndFollowUpsToItsReport() {
    final ProgramJourney journey = new ProgramJourney(http, client, engine, instances);

    // given a team lead asks for training for the Customer Success department
    final String id = journey.request(Map.of(
        "title", "De-escalating customer conversations", "requester", "maria.lopez@acme.example",
        "businessUnit", "Customer Success", "audienceSize", 40, "budget", 15000,
        "compliance", false, "businessImpact", "high", "urgency", "medium"));

    // when the L&D owner accepts it at intake
    journey.completeTask(id, "DecideRequest", Map.of("intakeDecision", "accept",
        "intakeDecisionReason", "Escalations are the top complaint driver"));

    // and the designer decides to buy, and all three vendors quote through their webhooks
    journey.awaitStage(id, "design");
    analyseNeeds(journey, id, "Calm the customer; restate the problem; agree next steps");
    final BigDecimal firstQuote = selectNorthwind(journey, id);

    // and in review the business sponsor asks for changes while the L&D manager approves
    journey.awaitStage(id, "review");
    final List<Map<String, Object>> firstRound = journey.awaitTasks(id, "Approve", 2);
    assertThat(firstRound).extracting(t -> groups(t)).containsExactlyInAnyOrder("ld-manager", "business-sponsor");
    for (final Map<String, Object> approval : firstRound) {
      journey.complete(approval, "business-sponsor".equals(groups(approval))
          ? Map.of("approvalOutcome", "changes-requested", "approvalComment", "Add a module on written replies")
          : Map.of("approvalOutcome", "approved", "approvalComment", "Fits the budget"));
    }

    // then the program goes back to design, where the reworked design gets fresh quotes
    journey.awaitDetail(id, d -> "Design".equals(d.get("currentStage")) && stages(d).size() == 4);
    analyseNeeds(journey, id, "Calm the customer; restate the problem; agree next steps; written replies");
    final BigDecimal quotedCost = selectNorthwind(journey, id);
    assertThat(quotedCost).isEqualByComparingTo(firstQuote);

    // when both approvers approve the reworked design
    journey.awaitDetail(id, d -> "Review".equals(d.get("currentStage")) && stages(d).size() == 5);
    for (final Map<String, Object> approval : journey.awaitTasks(id, "Approve", 2)) {
      journey.complete(approval, Map.of("approvalOutcome", "approved", "approvalComment", "Go"));
    }

    // then delivery creates the course and enrols the department, resolved from SCIM (at least 50)
    journey.awaitStage(id, "delivery");
    final long courseId = journey.awaitVariable(id, "courseId").asLong();
    final int cohort = journey.awaitVariable(id, "resolvedAudienceSize").asInt();
    assertThat(cohort).isGreaterThanOrEqualTo(50);
    assertThat(journey.awaitVariable(id, "purchaseOrderId").asText()).startsWith("PO-" + id + "-" + NORTHWIND);

    // and then waits for the cohort to finish, with everyone enrolled
    assertThat(journey.awaitStep(id, "AwaitCompletions")).containsEntry("type", "RECEIVE_TASK")
        .containsEntry("stage", "delivery");
    final List<MoodleUser> enrolled = lms.enrolledUsers(courseId);
    assertThat(enrolled).hasSize(cohort);

    // when all but nine learners finish the course, eight of them failing, as xAPI statements,
    // after a pre-test (0.60 for those who pass, 0.40 for those who fail)
    final int attempted = cohort - 9;
    final int passed = attempted - 8;
    final List<Map<String, Object>> results = new ArrayList<>();
    for (int i = 0; i < attempted; i++) {
      results.add(Map.of("email", enrolled.get(i).email(), "scaled", i < passed ? 0.85 : 0.45, "success", i < passed,
          "preTestScaled", i < passed ? 0.60 : 0.40));
    }
    assertThat(journey.post("/sandbox/admin/completions", Map.of("courseId", courseId, "learners", results))
        .getStatusCode()).isEqualTo(HttpStatus.OK);

    // and L&D ops confirm the cohort is done (nine never started, so it cannot finish by itself)
    assertThat(journey.post("/api/programs/" + id + "/cohort-completed", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);

    // then evaluation sends the reaction survey, and ten learners answer it
    journey.awaitStage(id, "evaluation");
    final String surveyId = awaitSurvey(journey, id, "L1");
    final int[] answers = {10, 10, 9, 9, 9, 10, 8, 7, 8, 3};
    for (int i = 0; i < answers.length; i++) {
      assertThat(journey.post("/api/programs/" + id + "/surveys/" + surveyId + "/responses",
          Map.of("respondent", enrolled.get(i).email(), "recommendation", answers[i])).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }

    // when 30, 60 and 90 days pass (the engine's clock moves) and managers confirm behaviour each time
    final double[] applied = {0.55, 0.6, 0.7};
    for (final double share : applied) {
      journey.moveClock(Duration.ofDays(30));
      journey.completeTask(id, "ConfirmBehaviour", Map.of("appliedShare", share, "followUpNotes", "observed in calls"));
    }

    // and the analyst enters the KPI: first-contact resolution, trained vs. control group
    final Map<String, Object> kpi = Map.of("kpi", "first-contact resolution %", "trainedBaseline", 62,
        "trainedPost", 74, "controlBaseline", 61, "controlPost", 64, "unitValue", 2500);
    journey.completeTask(id, "EnterKpiData", Map.of("kpiData", kpi));

    // then the owner gets the recommendation (continue) with the report, and decides to improve it
    final Map<String, Object> decision = journey.awaitTask(id, "DecideFuture");
    assertThat(journey.taskVariable(decision, "recommendation").asText()).isEqualTo("continue");
    journey.complete(decision, Map.of("programDecision", "improve", "improvementNotes", "Add chat escalations"));
    final Map<String, Object> done = journey.awaitDetail(id, d -> "COMPLETED".equals(d.get("status")));
    assertThat(done).containsEntry("outcome", "IMPROVED");

    // and the improvement is a new request in intake, linked to this program both ways
    final String improvement = (String) journey.awaitDetail(id, d -> d.get("improvedBy") != null).get("improvedBy");
    assertThat(journey.awaitStage(improvement, "intake")).containsEntry("improves", id)
        .containsEntry("title", "De-escalating customer conversations");

    // and the report's figures are those of the data above
    final double completionRate = (double) passed / cohort;
    final double passRate = (double) passed / attempted;
    final double knowledgeGain = (passed * (0.85 - 0.60) + (attempted - passed) * (0.45 - 0.40)) / attempted;
    final double nps = 100.0 * (6 - 1) / answers.length;
    final double kpiDelta = (74 - 62) - (64 - 61);
    final double benefits = kpiDelta * 2500;
    final double costs = quotedCost.doubleValue() + 40 * 75.0 + 2 * 45.0 * passed;
    final double roi = (benefits - costs) / costs * 100;
    final String report = http.getForObject("/api/programs/" + id + "/report", String.class);
    assertThat(report).contains(
        "| completion rate | " + percent(completionRate) + " |",
        "| pass rate | " + percent(passRate) + " |",
        "| knowledge gain (mean post − pre) | " + number(knowledgeGain) + " |",
        "| learning NPS | " + number(nps) + " |",
        "| application rate | 70.0 % |",
        "| KPI delta (difference in differences) | " + number(kpiDelta) + " |",
        "| total costs | " + number(costs) + " |",
        "| ROI % | " + number(roi) + " |",
        "Recommendation: **continue**");

    // and the program's record shows every stage it went through and the measures
    assertThat(stages(done)).extracting(s -> s.get("stage"))
        .containsExactly("Intake", "Design", "Review", "Design", "Review", "Delivery", "Evaluation");
    assertThat(stages(done)).allSatisfy(s -> assertThat(s.get("leftAt")).isNotNull());
    assertThat(list(done.get("evaluationResults"))).extracting(r -> r.get("metric"))
        .contains("completionRate", "passRate", "learningNps", "kpiDelta", "roiPercent");
    assertThat(list(done.get("decisions"))).extracting(d -> d.get("decision") + ": " + d.get("outcome"))
        .contains("intake: accept", "design choice: buy", "vendor selection: Northwind Academy",
            "approval by business-sponsor: changes-requested", "approval by business-sponsor: approved",
            "program future: improve");
    assertThat(journey.incidents(id)).isEmpty();
  }

  private static void analyseNeeds(ProgramJourney journey, String id, String objectives) {
    journey.completeTask(id, "AnalyseNeeds", Map.of("designChoice", "buy", "learningObjectives", objectives,
        "deliveryFormat", "blended", "estimatedBudget", 14000, "riskLevel", "medium", "complianceRelated", false));
  }

  /** Waits for the three vendors' quotes and selects Northwind Academy's; returns its amount. */
  private static BigDecimal selectNorthwind(ProgramJourney journey, String id) {
    final Map<String, Object> selection = journey.awaitTask(id, "SelectVendor");
    final List<JsonNode> quotes = StreamSupport.stream(journey.taskVariable(selection, "quotes").spliterator(), false)
        .filter(q -> !q.isNull()).toList();
    assertThat(quotes).extracting(q -> q.path("vendorId").asText())
        .containsExactlyInAnyOrder("brightpath-learning", NORTHWIND, "skillforge");
    final JsonNode northwind = quotes.stream().filter(q -> NORTHWIND.equals(q.path("vendorId").asText()))
        .findFirst().orElseThrow();
    final BigDecimal amount = northwind.path("amount").decimalValue();
    journey.complete(selection, Map.of(
        "selectedVendor", Map.of("id", NORTHWIND, "name", northwind.path("vendorName").asText(),
            "quoteId", northwind.path("quoteId").asText()),
        "quotedCost", amount, "selectionRationale", "Virtual sessions fit the shift plan"));
    return amount;
  }

  private static String awaitSurvey(ProgramJourney journey, String id, String kind) {
    return await().atMost(ProgramJourney.PATIENCE).until(
            () -> journey.getList("/api/programs/" + id + "/surveys").stream()
                .filter(s -> kind.equals(s.get("kind"))).map(s -> (String) s.get("id")).findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static String groups(Map<String, Object> task) {
    return String.join(",", (List<String>) task.get("candidateGroups"));
  }

  private static List<Map<String, Object>> stages(Map<String, Object> detail) {
    return list(detail.get("stages"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
