package io.learnops.workers.process;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.workers.ports.CostLedger;
import io.learnops.workers.ports.ProgramRegistry;
import io.learnops.workers.ports.ReportStore;
import io.learnops.workers.ports.SurveyService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The evaluation stage with the real evaluation workers: L1 from the survey port, L2 from a
 * WireMock'd LRS, L3 from a manager's follow-up, L4 from the analyst's KPI data, fully loaded
 * costs, the ROI script, the recommendation DMN, the report and an improvement request. Timers
 * run on the engine clock the test moves.
 */
class EvaluationProcessTest extends ProcessTestBase {

  private static final String COURSE = "https://learnops.io/xapi/courses/42";

  @Autowired SurveyService surveys;
  @Autowired CostLedger costs;
  @Autowired ReportStore reports;
  @Autowired ProgramRegistry registry;

  @BeforeEach
  void deployModels() {
    deploy("evaluation.bpmn", "program-decision.dmn", "l3-follow-up.form", "l4-kpi-data.form",
        "program-decision.form");
    deployWrapper("evaluation", "programDecision", "roiPercent", "learningNps",
        "improvementRequestId", "reportUrl");
  }

  private static String statement(String learner, String verb, String activity, double scaled) {
    return "{\"actor\":{\"mbox\":\"mailto:" + learner + "\"},\"verb\":{\"id\":"
        + "\"http://adlnet.gov/expapi/verbs/" + verb + "\"},\"object\":{\"id\":\"" + activity
        + "\"},\"result\":{\"score\":{\"scaled\":" + scaled + "}},"
        + "\"timestamp\":\"2026-04-20T10:00:00Z\"}";
  }

  private static void lrsAnswers(String activity, String... statements) {
    SYSTEMS.stubFor(get(urlPathEqualTo("/xapi/statements"))
        .withQueryParam("activity", equalTo(activity))
        .willReturn(okJson("{\"statements\":[" + String.join(",", statements) + "]}")));
  }

  private void givenData() {
    when(surveys.sendReactionSurvey("P-800", 42L)).thenReturn("S-800");
    when(surveys.recommendationScores("S-800")).thenReturn(List.of(10, 9, 9, 8, 3));
    when(surveys.sendFollowUp("P-800", "P30D")).thenReturn("F-800-30");
    lrsAnswers(COURSE, statement("a@x.org", "passed", COURSE, 0.9),
        statement("b@x.org", "failed", COURSE, 0.3));
    lrsAnswers(COURSE + "/pre-test", statement("a@x.org", "scored", COURSE + "/pre-test", 0.4),
        statement("b@x.org", "scored", COURSE + "/pre-test", 0.2));
    lrsAnswers(COURSE + "/post-test", statement("a@x.org", "scored", COURSE + "/post-test", 0.9),
        statement("b@x.org", "scored", COURSE + "/post-test", 0.5));
    when(costs.vendorInvoice("PO-800")).thenReturn(new BigDecimal("18000"));
    when(costs.internalEffort("P-800"))
        .thenReturn(new CostLedger.Effort(new BigDecimal("40"), new BigDecimal("80")));
    when(costs.learnerEffort("P-800"))
        .thenReturn(new CostLedger.Effort(new BigDecimal("3"), new BigDecimal("50")));
    when(reports.store(eq("P-800"), any(), any())).thenReturn("/reports/P-800");
  }

  private static Map<String, Object> evaluationVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("programId", "P-800");
    variables.put("title", "GDPR for support agents");
    variables.put("courseId", 42);
    variables.put("purchaseOrderId", "PO-800");
    variables.put("completedCount", 25);
    variables.put("surveyWindow", "P14D");
    variables.put("followUpOffsets", List.of("P30D"));
    variables.put("followUpDueIn", "P7D");
    variables.put("kpiMeasurementAfter", "P90D");
    variables.put("kpiDataDueIn", "P10D");
    variables.put("decisionDueIn", "P10D");
    return variables;
  }

  @Test
  void a_program_is_evaluated_from_l1_to_roi_and_an_improvement_requested() {
    // given
    givenData();
    long instance = startWrapper("evaluation", evaluationVariables());
    await().atMost(WAIT).until(() -> reached("evaluation", "SurveyClosed", ProcessInstanceIntent.ELEMENT_ACTIVATED)
        && reached("evaluation", "FollowUpDue", ProcessInstanceIntent.ELEMENT_ACTIVATED)
        && reached("evaluation", "KpiWindowClosed", ProcessInstanceIntent.ELEMENT_ACTIVATED));

    // when the survey window closes, a manager confirms behaviour at 30 days,
    CLOCK.add(Duration.ofDays(14));
    await().atMost(WAIT).until(() -> reached("evaluation", "ComputeL1", ProcessInstanceIntent.ELEMENT_COMPLETED));
    CLOCK.add(Duration.ofDays(16));
    client.newCompleteUserTaskCommand(awaitUserTask("evaluation", "ConfirmBehaviour"))
        .variables(Map.of("appliedShare", 0.6, "followUpNotes", "uses the checklist"))
        .send().join();
    // the analyst enters the KPI at 90 days and the L&D owner asks for an improved version
    CLOCK.add(Duration.ofDays(60));
    client.newCompleteUserTaskCommand(awaitUserTask("evaluation", "EnterKpiData"))
        .variables(Map.of("kpiData", Map.of("kpi", "first contact resolution",
            "trainedBaseline", 70, "trainedPost", 85, "controlBaseline", 70, "controlPost", 75,
            "unitValue", 3000)))
        .send().join();
    client.newCompleteUserTaskCommand(awaitUserTask("evaluation", "DecideFuture"))
        .variables(Map.of("programDecision", "improve", "improvementNotes", "shorter modules"))
        .send().join();
    var outputs = awaitCapture(instance);

    // then NPS (3 promoters, 1 detractor of 5) and ROI (benefits 10 x 3000 against costs
    // 18000 + 40 x 80 + 25 x 3 x 50 = 24950) come out of the workers and the ROI script
    assertThat(((Number) outputs.getVariable("learningNps")).doubleValue()).isEqualTo(40.0);
    assertThat(((Number) outputs.getVariable("roiPercent")).doubleValue())
        .isCloseTo(100.0 * (30000 - 24950) / 24950, Offset.offset(0.001));
    assertThat(outputs.getVariablesAsMap()).containsEntry("programDecision", "improve")
        .containsEntry("improvementRequestId", "P-800-improvement")
        .containsEntry("reportUrl", "/reports/P-800");
    assertThat(completed("evaluation")).containsSubsequence("ComputeL1", "ComputeL3",
        "ComputeL4", "CollectCosts", "ComputeRoi", "RecommendDecision", "BuildReport",
        "DecideFuture", "OpenImprovementRequest", "ImprovementRequested");
    // and the report carries every level and the DMN's recommendation
    var content = ArgumentCaptor.forClass(byte[].class);
    verify(reports).store(eq("P-800"), eq("text/markdown"), content.capture());
    assertThat(new String(content.getValue(), StandardCharsets.UTF_8)).contains(
        "| learning NPS | 40.00 |", "| pass rate | 50.0 % |",
        "| knowledge gain (mean post − pre) | 0.40 |", "| application rate | 60.0 % |",
        "| KPI delta (difference in differences) | 10.00 |", "| ROI % | 20.24 |",
        "**continue**");
    verify(registry).openImprovementRequest(new ProgramRegistry.ImprovementRequest(
        "P-800-improvement", "P-800", "GDPR for support agents", "/reports/P-800",
        "shorter modules"));
  }
}
