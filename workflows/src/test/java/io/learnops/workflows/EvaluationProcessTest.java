package io.learnops.workflows;

import static org.assertj.core.api.Assertions.assertThat;

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
    // given L1-L4 measured over 90 days with benefits 150,000 and costs 100,000
    var report = Drive.evaluateUntilReport(ENGINE, evaluation);

    // then ROI = (150000 - 100000) / 100000 x 100 = 50 and the DMN recommends continuing
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

  @Test
  void retiring_archives_the_course() {
    long evaluation = ENGINE.start("evaluation", Fixtures.merge(Fixtures.request("P-502"), Fixtures.sla(),
        Map.of("courseId", "C-11", "completedCount", 40)));
    Drive.evaluateUntilReport(ENGINE, evaluation);

    ENGINE.completeUserTask(evaluation, "DecideFuture", Map.of("programDecision", "retire"));

    var retire = ENGINE.completeJob(evaluation, "learnops.evaluation.retire-program");
    assertThat(retire.getVariablesAsMap()).containsEntry("courseId", "C-11");
    ENGINE.awaitCompleted(evaluation);
    assertThat(ENGINE.completedElements(evaluation)).contains("RetireProgram", "ProgramRetired")
        .doesNotContain("OpenImprovementRequest", "ProgramContinues");
  }
}
