package io.learnops.workers.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.exception.JobError;
import io.learnops.workers.ports.CostLedger;
import io.learnops.workers.ports.ProgramRegistry;
import io.learnops.workers.ports.ReportStore;
import io.learnops.workers.ports.SurveyService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class EvaluationWorkersTest {

  private final SurveyService surveys = mock(SurveyService.class);

  @Test
  void surveys_are_sent_through_the_port() {
    when(surveys.sendReactionSurvey("P-1", 42L)).thenReturn("S-1");
    when(surveys.sendFollowUp("P-1", "P30D")).thenReturn("F-30");

    assertThat(new SendSurveyWorker(surveys).sendSurvey("P-1", 42L).surveyId()).isEqualTo("S-1");
    assertThat(new SendFollowUpWorker(surveys).sendFollowUp("P-1", "P30D").followUpSurveyId())
        .isEqualTo("F-30");
  }

  @Test
  void l1_is_the_learning_nps_of_the_answers_and_null_without_answers() {
    when(surveys.recommendationScores("S-1")).thenReturn(List.of(10, 9, 8, 3));
    when(surveys.recommendationScores("S-2")).thenReturn(List.of());
    var worker = new ComputeL1Worker(surveys);

    assertThat(worker.computeL1("P-1", "S-1")).isEqualTo(new ComputeL1Worker.Result(25.0, 4));
    assertThat(worker.computeL1("P-1", "S-2")).isEqualTo(new ComputeL1Worker.Result(null, 0));
  }

  @Test
  void l3_rates_by_offset_skip_unanswered_follow_ups() {
    Map<String, Object> p30 = Map.of("offset", "P30D", "appliedShare", 0.4, "notes", "");
    Map<String, Object> p90 = Map.of("offset", "P90D", "appliedShare", "0.7");
    var result = new ComputeL3Worker().computeL3("P-1", Arrays.asList(p90, null, p30,
        Map.of("offset", "P60D")));

    assertThat(result.l3ApplicationRates()).containsExactly(Map.entry("P30D", 0.4),
        Map.entry("P90D", 0.7));
    assertThat(result.l3ApplicationRate()).isEqualTo(0.7);
    assertThat(new ComputeL3Worker().computeL3("P-1", null).l3ApplicationRate()).isNull();
  }

  @Test
  void l4_is_the_difference_in_differences_and_its_money_value() {
    Map<String, Object> kpi = new HashMap<>(Map.of("kpi", "CSAT", "trainedBaseline", 70,
        "trainedPost", 85.5, "controlBaseline", 70, "controlPost", 75, "unitValue", "200"));

    var result = new ComputeL4Worker().computeL4("P-1", kpi);

    assertThat(result.kpiDelta()).isEqualByComparingTo("10.5");
    assertThat(result.monetisedBenefits()).isEqualByComparingTo("2100");
    kpi.remove("unitValue");
    assertThatThrownBy(() -> new ComputeL4Worker().computeL4("P-1", kpi))
        .isInstanceOfSatisfying(JobError.class, e -> {
          assertThat(e.getRetries()).isZero();
          assertThat(e.getErrorMessage()).contains("unitValue");
        });
  }

  @Test
  void costs_are_fully_loaded_and_a_built_program_has_no_vendor_invoice() {
    CostLedger ledger = mock(CostLedger.class);
    when(ledger.vendorInvoice("PO-1")).thenReturn(new BigDecimal("18000"));
    when(ledger.internalEffort("P-1"))
        .thenReturn(new CostLedger.Effort(new BigDecimal("40"), new BigDecimal("80")));
    when(ledger.learnerEffort("P-1"))
        .thenReturn(new CostLedger.Effort(new BigDecimal("3"), new BigDecimal("50")));
    var worker = new CollectCostsWorker(ledger);

    assertThat(worker.collectCosts("P-1", "PO-1", 25).totalCosts()).isEqualByComparingTo("24950");
    assertThat(worker.collectCosts("P-1", null, 25).totalCosts()).isEqualByComparingTo("6950");
    verify(ledger, org.mockito.Mockito.times(1)).vendorInvoice(any());
  }

  @Test
  void the_report_shows_every_level_and_is_stored_with_the_program() {
    ReportStore store = mock(ReportStore.class);
    when(store.store(eq("P-1"), eq("text/markdown"), any())).thenReturn("/reports/P-1");

    var result = new BuildReportWorker(store).buildReport("P-1", 0.9, 25.0, 0.75, 0.4, 0.7, 10.5,
        31500, 20000, null, "continue");

    assertThat(result.reportUrl()).isEqualTo("/reports/P-1");
    var content = ArgumentCaptor.forClass(byte[].class);
    verify(store).store(eq("P-1"), eq("text/markdown"), content.capture());
    assertThat(new String(content.getValue(), StandardCharsets.UTF_8))
        .contains("| completion rate | 90.0 % |", "| learning NPS | 25.00 |",
            "| pass rate | 75.0 % |", "| application rate | 70.0 % |",
            "| monetised benefits | 31500.00 |", "| total costs | 20000.00 |", "| ROI % | n/a |",
            "**continue**");
  }

  @Test
  void the_improvement_request_has_an_id_derived_from_the_program_so_a_retry_reuses_it() {
    ProgramRegistry registry = mock(ProgramRegistry.class);
    var worker = new OpenImprovementRequestWorker(registry);

    var first = worker.openImprovementRequest("P-1", "GDPR", "/reports/P-1", "shorter modules");
    var again = worker.openImprovementRequest("P-1", "GDPR", "/reports/P-1", "shorter modules");

    assertThat(first.improvementRequestId()).isEqualTo("P-1-improvement")
        .isEqualTo(again.improvementRequestId());
    verify(registry, org.mockito.Mockito.times(2)).openImprovementRequest(
        new ProgramRegistry.ImprovementRequest("P-1-improvement", "P-1", "GDPR", "/reports/P-1",
            "shorter modules"));
  }

  @Test
  void retiring_marks_the_program_retired() {
    ProgramRegistry registry = mock(ProgramRegistry.class);

    new RetireProgramWorker(registry).retireProgram("P-1", 42);

    verify(registry).markRetired("P-1");
    verify(registry, never()).openImprovementRequest(any());
  }
}
