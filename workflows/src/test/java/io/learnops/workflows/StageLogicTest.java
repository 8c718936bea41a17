package io.learnops.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The committed models with every user task turned into a job of type {@code user.<elementId>}
 * (rewritten in memory, nothing on disk changes), so that routing, FEEL, DMN, timers,
 * multi-instance and call activities run on an engine without user-task support. The stage
 * tests cover the same paths with real user tasks.
 */
class StageLogicTest {

  @RegisterExtension static final EngineExtension ENGINE = new EngineExtension();
  private static final Pattern USER_TASK = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\".*?</bpmn:userTask>", Pattern.DOTALL);

  @BeforeAll
  static void deploy() {
    Map<String, String> resources = new LinkedHashMap<>();
    for (String file : List.of("intake-triage.dmn", "review-approvers.dmn", "program-decision.dmn")) {
      resources.put(file, read(file));
    }
    for (String process : Models.PROCESSES) {
      resources.put(process + ".bpmn", withUserTasksAsJobs(read(process + ".bpmn")));
    }
    ENGINE.deploy(resources);
  }

  @Test
  void a_program_goes_through_every_stage_once_rework_is_done() {
    long program = ENGINE.start("learning-program", Fixtures.request("P-700"));
    long intake = childOf("learnops.intake.validate-request");
    ENGINE.completeJob(intake, "learnops.intake.validate-request");
    ENGINE.completeJob(intake, "learnops.intake.check-duplicates");
    var decide = ENGINE.completeJob(intake, "user.DecideRequest", Map.of("intakeDecision", "accept", "intakeDecisionReason", "tier 1"));
    assertThat(decide.getVariablesAsMap()).containsEntry("triage", Map.of("priorityTier", 1, "triageScore", 11))
        .containsEntry("intakeDecisionDueIn", "P5D");
    ENGINE.completeJob(intake, "learnops.intake.notify-requester");

    for (String outcome : List.of("changes-requested", "approved")) {
      long design = childOf("user.AnalyseNeeds");
      ENGINE.completeJob(design, "user.AnalyseNeeds", Map.of("designChoice", "build", "learningObjectives", "Handle GDPR requests",
          "deliveryFormat", "e-learning", "estimatedBudget", 5000, "riskLevel", "low", "complianceRelated", false));
      ENGINE.completeJob(design, "user.DesignCourse");
      ENGINE.completeJob(design, "user.DevelopContent");
      var record = ENGINE.completeJob(design, "learnops.design.record-design", Map.of("designVersion", 1, "budget", 5000));
      assertThat(record.getVariablesAsMap().get("reworkCount")).isEqualTo(outcome.equals("approved") ? 1 : null);
      long review = childOf("user.Approve");
      var approve = ENGINE.completeJob(review, "user.Approve", Map.of("approvalOutcome", outcome, "approvalComment", "seen"));
      assertThat(approve.getVariablesAsMap()).containsEntry("approverGroup", "ld-manager");
      var notify = ENGINE.completeJob(review, "learnops.review.notify-outcome");
      assertThat(notify.getVariablesAsMap()).containsEntry("reviewOutcome", outcome)
          .containsEntry("approvals", List.of(Map.of("group", "ld-manager", "outcome", outcome, "comment", "seen")));
    }

    long delivery = childOf("learnops.delivery.create-course");
    ENGINE.completeJob(delivery, "learnops.delivery.create-course", Map.of("courseId", "C-7"));
    ENGINE.completeJob(delivery, "learnops.delivery.resolve-audience", Map.of("audienceBatches", List.of(List.of("u1")), "audienceSize", 1));
    ENGINE.completeJob(delivery, "learnops.delivery.enrol-batch");
    ENGINE.completeJob(delivery, "learnops.delivery.schedule-sessions", Map.of("deliveryEnd", "2026-05-01T17:00:00Z"));
    ENGINE.awaitElement(delivery, "AwaitCompletions", "ELEMENT_ACTIVATED");
    ENGINE.publish("learnops.delivery.cohort-completed", "P-700", Map.of());
    ENGINE.completeJob(delivery, "learnops.delivery.collect-completions", Map.of("completionRate", 1.0, "completedCount", 1));

    long evaluation = childOf("learnops.evaluation.send-survey");
    driveEvaluation(evaluation, "continue");

    ENGINE.awaitCompleted(program);
    assertThat(ENGINE.completedElements(program)).containsExactly("ProgramRequested", "Intake", "IntakeDecision", "DesignEntry",
        "Design", "Review", "ReviewOutcome", "CountRework", "DesignEntry", "Design", "Review", "ReviewOutcome", "Delivery",
        "Evaluation", "ProgramEvaluated");
  }

  @Test
  void a_waitlisted_request_starts_design_when_released() {
    long program = ENGINE.start("learning-program", Fixtures.request("P-701"));
    long intake = childOf("learnops.intake.validate-request");
    ENGINE.completeJob(intake, "learnops.intake.validate-request");
    ENGINE.completeJob(intake, "learnops.intake.check-duplicates");
    ENGINE.completeJob(intake, "user.DecideRequest", Map.of("intakeDecision", "waitlist", "intakeDecisionReason", "next quarter"));
    ENGINE.completeJob(intake, "learnops.intake.notify-requester");
    ENGINE.awaitElement(program, "Waitlisted", "ELEMENT_ACTIVATED");

    ENGINE.publish("learnops.program.waitlist-released", "P-701", Map.of());

    long design = childOf("user.AnalyseNeeds");
    assertThat(ENGINE.completedElements(program)).containsSubsequence("Waitlisted", "WaitlistReleased", "DesignEntry");
    ENGINE.client().newCancelInstanceCommand(program).send().join();
    assertThat(design).isNotEqualTo(program);
  }

  @Test
  @SuppressWarnings("unchecked")
  void buying_waits_for_quotes_until_the_deadline() {
    long design = ENGINE.start("design", Fixtures.merge(Fixtures.request("P-702"), Fixtures.sla()));
    ENGINE.completeJob(design, "user.AnalyseNeeds", Map.of("designChoice", "buy", "learningObjectives", "Handle GDPR requests",
        "deliveryFormat", "virtual", "estimatedBudget", 20000, "riskLevel", "medium", "complianceRelated", true));
    ENGINE.completeJob(design, "learnops.design.list-vendors", Map.of("vendors", List.of(Map.of("id", "v1"), Map.of("id", "v2"))));
    ENGINE.completeJob(design, "learnops.design.request-quote", Map.of("quoteRequestId", "rfq-702-1"));
    ENGINE.completeJob(design, "learnops.design.request-quote", Map.of("quoteRequestId", "rfq-702-2"));
    ENGINE.awaitElement(design, "ReceiveQuote", "ELEMENT_ACTIVATED");

    ENGINE.publish("learnops.vendor.quote-received", "rfq-702-1", Map.of("quote", Map.of("vendorId", "v1", "amount", 18000)));
    ENGINE.awaitElement(design, "QuoteReceived", "ELEMENT_COMPLETED");
    ENGINE.advanceClock(Duration.ofDays(14));

    var select = ENGINE.completeJob(design, "user.SelectVendor", Map.of("selectedVendor", Map.of("id", "v1"), "quotedCost", 18000));
    assertThat((List<Object>) select.getVariablesAsMap().get("quotes")).hasSize(2).containsOnlyOnce((Object) null);
    var record = ENGINE.completeJob(design, "learnops.design.record-design", Map.of("designVersion", 1, "budget", 18000));
    assertThat(record.getVariablesAsMap()).containsEntry("designChoice", "buy").doesNotContainKey("quote");
    ENGINE.awaitCompleted(design);
    assertThat(ENGINE.completedElements(design)).contains("QuoteReceived", "QuoteDeadline", "QuoteMissed")
        .doesNotContain("FallBackToBuild");
  }

  @Test
  void approvals_left_open_are_reminded_then_escalated_and_one_rejection_rejects() {
    long review = ENGINE.start("review", Fixtures.merge(Fixtures.request("P-703"), Fixtures.sla(),
        Map.of("budget", 12000, "riskLevel", "low", "complianceRelated", false)));
    ENGINE.awaitJob(review, "user.Approve");

    ENGINE.advanceClock(Duration.ofDays(2));
    List<Object> reminded = new ArrayList<>();
    reminded.add(ENGINE.completeJob(review, "learnops.review.send-reminder").getVariablesAsMap().get("approverGroup"));
    reminded.add(ENGINE.completeJob(review, "learnops.review.send-reminder").getVariablesAsMap().get("approverGroup"));
    assertThat(reminded).containsExactlyInAnyOrder("ld-manager", "business-sponsor");
    ENGINE.advanceClock(Duration.ofDays(3));
    ENGINE.completeJob(review, "learnops.review.escalate-approval");
    ENGINE.completeJob(review, "learnops.review.escalate-approval");
    ENGINE.completeJob(review, "user.DecideEscalatedApproval", Map.of("approvalOutcome", "approved"));
    ENGINE.completeJob(review, "user.DecideEscalatedApproval", Map.of("approvalOutcome", "rejected"));

    var notify = ENGINE.completeJob(review, "learnops.review.notify-outcome");
    assertThat(notify.getVariablesAsMap()).containsEntry("reviewOutcome", "rejected");
    assertThat((List<?>) notify.getVariablesAsMap().get("approvals")).hasSize(2);
    ENGINE.awaitCompleted(review);
    assertThat(ENGINE.completedElements(review)).contains("Remind", "Escalate", "EscalatedApprovalRecorded")
        .doesNotContain("ApprovalRecorded");
  }

  @Test
  void delivery_retries_after_ops_fixes_and_stops_waiting_at_the_completion_deadline() {
    long delivery = ENGINE.start("delivery", Fixtures.merge(Fixtures.request("P-704"), Fixtures.sla(),
        Map.of("designChoice", "buy", "selectedVendor", Map.of("id", "v1"), "quotedCost", 18000)));
    ENGINE.throwError(delivery, "learnops.delivery.create-course", "LMS_REJECTED");
    ENGINE.completeJob(delivery, "user.FixCourseSetup");
    ENGINE.completeJob(delivery, "learnops.delivery.create-course", Map.of("courseId", "C-8"));
    ENGINE.throwError(delivery, "learnops.delivery.resolve-audience", "AUDIENCE_EMPTY");
    ENGINE.completeJob(delivery, "user.FixAudience", Map.of("audienceCriteria", "department eq \"Care\""));
    ENGINE.completeJob(delivery, "learnops.delivery.resolve-audience", Map.of("audienceBatches", List.of(List.of("u1"), List.of("u2"))));
    ENGINE.completeJob(delivery, "learnops.delivery.enrol-batch");
    ENGINE.completeJob(delivery, "learnops.delivery.enrol-batch");
    var order = ENGINE.completeJob(delivery, "learnops.delivery.raise-purchase-order", Map.of("purchaseOrderId", "PO-8"));
    assertThat(order.getVariablesAsMap()).containsEntry("quotedCost", 18000);
    ENGINE.completeJob(delivery, "learnops.delivery.schedule-sessions", Map.of("deliveryEnd", "2026-05-01T17:00:00Z"));
    ENGINE.awaitElement(delivery, "AwaitCompletions", "ELEMENT_ACTIVATED");

    ENGINE.advanceClock(Duration.ofDays(60));

    var collect = ENGINE.completeJob(delivery, "learnops.delivery.collect-completions", Map.of("completionRate", 0.4));
    assertThat(collect.getVariablesAsMap()).containsEntry("courseId", "C-8");
    ENGINE.awaitCompleted(delivery);
    assertThat(ENGINE.completedElements(delivery)).containsSubsequence("LmsRejected", "FixCourseSetup", "CreateCourse",
        "AudienceEmpty", "FixAudience", "ResolveAudience", "RaisePurchaseOrder", "CompletionDeadline", "CollectCompletions");
  }

  @Test
  void retiring_archives_the_program() {
    long evaluation = ENGINE.start("evaluation", Fixtures.merge(Fixtures.request("P-705"), Fixtures.sla(),
        Map.of("courseId", "C-9", "completedCount", 40)));

    driveEvaluation(evaluation, "retire");

    ENGINE.awaitCompleted(evaluation);
    assertThat(ENGINE.completedElements(evaluation)).contains("RetireProgram", "ProgramRetired")
        .doesNotContain("OpenImprovementRequest");
  }

  /** L1 after the survey window, L3 at 30/60/90 days, L4 after 90 days, ROI 50 %, then the decision. */
  private static void driveEvaluation(long evaluation, String decision) {
    ENGINE.completeJob(evaluation, "learnops.evaluation.send-survey", Map.of("surveyId", "S-1"));
    ENGINE.completeJob(evaluation, "learnops.evaluation.compute-l2", Map.of("passRate", 0.9));
    ENGINE.advanceClock(Duration.ofDays(14));
    ENGINE.completeJob(evaluation, "learnops.evaluation.compute-l1", Map.of("learningNps", 40));
    List<Object> offsets = new ArrayList<>();
    for (int days : List.of(16, 30, 30)) {
      ENGINE.advanceClock(Duration.ofDays(days));
      offsets.add(ENGINE.completeJob(evaluation, "learnops.evaluation.send-follow-up").getVariablesAsMap().get("followUpOffset"));
      ENGINE.completeJob(evaluation, "user.ConfirmBehaviour", Map.of("appliedShare", 0.6, "followUpNotes", "ok"));
    }
    assertThat(offsets).containsExactly("P30D", "P60D", "P90D");
    var l3 = ENGINE.completeJob(evaluation, "learnops.evaluation.compute-l3", Map.of("l3ApplicationRate", 0.6));
    assertThat((List<?>) l3.getVariablesAsMap().get("l3FollowUps")).hasSize(3);
    ENGINE.completeJob(evaluation, "user.EnterKpiData", Map.of("kpiData", Map.of("kpi", "first-contact resolution")));
    ENGINE.completeJob(evaluation, "learnops.evaluation.compute-l4", Map.of("monetisedBenefits", 150000));
    ENGINE.completeJob(evaluation, "learnops.evaluation.collect-costs", Map.of("totalCosts", 100000));
    var report = ENGINE.completeJob(evaluation, "learnops.evaluation.build-report", Map.of("reportUrl", "https://reports/1"));
    assertThat(((Number) report.getVariablesAsMap().get("roiPercent")).doubleValue()).isEqualTo(50.0);
    assertThat(report.getVariablesAsMap()).containsEntry("recommendation", "continue");
    ENGINE.completeJob(evaluation, "user.DecideFuture", Map.of("programDecision", decision));
    if (decision.equals("retire")) {
      ENGINE.completeJob(evaluation, "learnops.evaluation.retire-program");
    }
  }

  private static long childOf(String jobType) {
    ActivatedJob job = ENGINE.awaitAnyJob(jobType);
    ENGINE.client().newFailCommand(job).retries(job.getRetries()).send().join();
    return job.getProcessInstanceKey();
  }

  static String withUserTasksAsJobs(String xml) {
    Matcher matcher = USER_TASK.matcher(xml);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String task = matcher.group()
          .replace("<bpmn:userTask", "<bpmn:serviceTask").replace("</bpmn:userTask>", "</bpmn:serviceTask>")
          .replaceAll("\\s*<zeebe:(userTask|formDefinition|assignmentDefinition|taskSchedule|priorityDefinition)[^>]*/>", "")
          .replaceAll("(?s)\\s*<zeebe:taskListeners>.*?</zeebe:taskListeners>", "")
          .replaceFirst("<bpmn:extensionElements>",
              "<bpmn:extensionElements><zeebe:taskDefinition type=\"user." + matcher.group(1) + "\" />");
      matcher.appendReplacement(out, Matcher.quoteReplacement(task));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String read(String file) {
    try {
      return Files.readString(Models.path(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
