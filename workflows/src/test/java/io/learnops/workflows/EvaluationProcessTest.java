package io.learnops.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EvaluationProcessTest {

  @RegisterExtension static final EngineExtension ENGINE = new EngineExtension();

  @BeforeAll
  static void deploy() {
    ENGINE.deploy("evaluation.bpmn", "program-decision.dmn", "l3-follow-up.form", "l4-kpi-data.form",
        "program-decision.form");
  }

  @Test
  void four_levels_and_roi_lead_to_a_report_and_improve_opens_a_linked_request() {
    long evaluation = ENGINE.start("evaluation", Fixtures.merge(Fixtures.request("P-500"), Fixtures.sla(),
        Map.of("courseId", "C-9", "completedCount", 40, "purchaseOrderId", "PO-1")));
    ENGINE.completeJob(evaluation, "learnops.evaluation.send-survey", Map.of("surveyId", "S-1"));
    ENGINE.completeJob(evaluation, "learnops.evaluation.compute-l2", Map.of("passRate", 0.9, "knowledgeGain", 12));

    // L1 after the survey window
    ENGINE.advanceClock(Duration.ofDays(14));
    ENGINE.completeJob(evaluation, "learnops.evaluation.compute-l1", Map.of("learningNps", 40));

    // L3 follow-ups at 30, 60 and 90 days; the KPI window closes at 90 days too
    for (String offset : List.of("P30D", "P60D", "P90D")) {
      ENGINE.advanceClock(Duration.ofDays(offset.equals("P30D") ? 16 : 30));
      var followUp = ENGINE.completeJob(evaluation, "learnops.evaluation.send-follow-up", Map.of("followUpSurveyId", "F-" + offset));
      assertThat(followUp.getVariablesAsMap()).containsEntry("followUpOffset", offset);
      var confirm = ENGINE.completeUserTask(evaluation, "ConfirmBehaviour", Map.of("appliedShare", 0.6, "followUpNotes", offset));
      assertThat(confirm.getCandidateGroups()).containsExactly("manager");
    }
    var l3 = ENGINE.completeJob(evaluation, "learnops.evaluation.compute-l3", Map.of("l3ApplicationRate", 0.6));
    assertThat((List<?>) l3.getVariablesAsMap().get("l3FollowUps")).hasSize(3);
    ENGINE.completeUserTask(evaluation, "EnterKpiData", Map.of("kpiData", Map.of("kpi", "tickets resolved first time",
        "trainedBaseline", 60, "trainedPost", 75, "unitValue", 10000)));
    ENGINE.completeJob(evaluation, "learnops.evaluation.compute-l4", Map.of("kpiDelta", 15, "monetisedBenefits", 150000));
    ENGINE.completeJob(evaluation, "learnops.evaluation.collect-costs", Map.of("totalCosts", 100000));

    // then ROI = (150000 - 100000) / 100000 x 100 = 50 and the DMN recommends continuing
    var report = ENGINE.completeJob(evaluation, "learnops.evaluation.build-report", Map.of("reportUrl", "https://reports/P-500"));
    assertThat(((Number) report.getVariablesAsMap().get("roiPercent")).doubleValue()).isEqualTo(50.0);
    assertThat(report.getVariablesAsMap()).containsEntry("recommendation", "continue");

    // when the L&D owner decides to improve anyway
    var decision = ENGINE.completeUserTask(evaluation, "DecideFuture",
        Map.of("programDecision", "improve", "improvementNotes", "add practice cases"));
    assertThat(decision.getCandidateGroups()).containsExactly("ld-owner");
    var improvement = ENGINE.completeJob(evaluation, "learnops.evaluation.open-improvement-request",
        Map.of("improvementRequestId", "P-501"));
    assertThat(improvement.getVariablesAsMap()).containsEntry("programId", "P-500").containsEntry("improvementNotes", "add practice cases");
    ENGINE.awaitCompleted(evaluation);
    assertThat(ENGINE.completedElements(evaluation)).contains("SurveyClosed", "FollowUps", "KpiWindowClosed", "ComputeRoi",
        "RecommendDecision", "ImprovementRequested").doesNotContain("RetireProgram");
  }
}
