package io.learnops.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Stage walks shared by the stage tests and the top-level test: what workers and people would do. */
final class Drive {

  private Drive() {}

  /** Intake of a tier-1 request up to the requester's notification; returns that job. */
  static ActivatedJob intake(EngineExtension engine, long intake, String decision) {
    engine.completeJob(intake, "learnops.intake.validate-request");
    engine.completeJob(intake, "learnops.intake.check-duplicates");
    engine.completeUserTask(intake, "DecideRequest", Map.of("intakeDecision", decision, "intakeDecisionReason", "triaged"));
    return engine.completeJob(intake, "learnops.intake.notify-requester");
  }

  /** Design down the build path; returns the record-design job. */
  static ActivatedJob buildDesign(EngineExtension engine, long design, int budget) {
    engine.completeUserTask(design, "AnalyseNeeds", Map.of("designChoice", "build", "learningObjectives", "Handle GDPR requests",
        "deliveryFormat", "e-learning", "estimatedBudget", budget, "riskLevel", "low", "complianceRelated", false));
    engine.completeUserTask(design, "DesignCourse", Map.of("designDocumentUrl", "https://docs/d", "plannedHours", 2));
    engine.completeUserTask(design, "DevelopContent", Map.of("contentPackageUrl", "https://lms/p", "estimatedBudget", budget));
    return engine.completeJob(design, "learnops.design.record-design", Map.of("designVersion", 1, "budget", budget));
  }

  /** Delivery of a built program whose cohort completes before the deadline. */
  static void deliverBuilt(EngineExtension engine, long delivery, String programId) {
    engine.completeJob(delivery, "learnops.delivery.create-course", Map.of("courseId", "C-" + programId));
    engine.completeJob(delivery, "learnops.delivery.resolve-audience", Map.of("audienceBatches", List.of(List.of("u1")), "audienceSize", 1));
    engine.completeJob(delivery, "learnops.delivery.enrol-batch");
    engine.completeJob(delivery, "learnops.delivery.schedule-sessions", Map.of("deliveryEnd", "2026-05-01T17:00:00Z"));
    engine.awaitElement(delivery, "AwaitCompletions", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    engine.publish("learnops.delivery.cohort-completed", programId, Map.of());
    engine.completeJob(delivery, "learnops.delivery.collect-completions", Map.of("completionRate", 1.0, "completedCount", 1));
  }

  /**
   * Evaluation: L1 after the survey window, L3 at 30/60/90 days, L4 after 90 days, benefits
   * 150,000 against costs 100,000; returns the build-report job (ROI and recommendation are
   * its inputs). The L&D owner's decision is left to the caller.
   */
  static ActivatedJob evaluateUntilReport(EngineExtension engine, long evaluation) {
    engine.completeJob(evaluation, "learnops.evaluation.send-survey", Map.of("surveyId", "S-1"));
    engine.completeJob(evaluation, "learnops.evaluation.compute-l2", Map.of("passRate", 0.9, "knowledgeGain", 12));
    engine.advanceClock(Duration.ofDays(14));
    engine.completeJob(evaluation, "learnops.evaluation.compute-l1", Map.of("learningNps", 40));
    List<Object> offsets = new ArrayList<>();
    for (int days : List.of(16, 30, 30)) {
      engine.advanceClock(Duration.ofDays(days));
      offsets.add(engine.completeJob(evaluation, "learnops.evaluation.send-follow-up").getVariablesAsMap().get("followUpOffset"));
      var confirm = engine.completeUserTask(evaluation, "ConfirmBehaviour", Map.of("appliedShare", 0.6, "followUpNotes", "ok"));
      assertThat(confirm.getCandidateGroups()).containsExactly("manager");
    }
    assertThat(offsets).containsExactly("P30D", "P60D", "P90D");
    var l3 = engine.completeJob(evaluation, "learnops.evaluation.compute-l3", Map.of("l3ApplicationRate", 0.6));
    assertThat((List<?>) l3.getVariablesAsMap().get("l3FollowUps")).hasSize(3);
    var kpi = engine.completeUserTask(evaluation, "EnterKpiData", Map.of("kpiData", Map.of("kpi", "first-contact resolution",
        "trainedBaseline", 60, "trainedPost", 75, "unitValue", 10000)));
    assertThat(kpi.getCandidateGroups()).containsExactly("ld-analyst");
    engine.completeJob(evaluation, "learnops.evaluation.compute-l4", Map.of("kpiDelta", 15, "monetisedBenefits", 150000));
    engine.completeJob(evaluation, "learnops.evaluation.collect-costs", Map.of("totalCosts", 100000));
    return engine.completeJob(evaluation, "learnops.evaluation.build-report", Map.of("reportUrl", "https://reports/1"));
  }
}
