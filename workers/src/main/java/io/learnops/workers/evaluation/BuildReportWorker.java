package io.learnops.workers.evaluation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.learnops.workers.ports.ReportStore;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.evaluation.build-report}: renders the evaluation (L1–L4, ROI, recommendation)
 * as Markdown and stores it with the program through {@link ReportStore}; storing again replaces
 * the report, so a retry is harmless.
 */
@Component
public class BuildReportWorker {

  private final ReportStore reports;

  public BuildReportWorker(ReportStore reports) {
    this.reports = reports;
  }

  @JobWorker(type = "learnops.evaluation.build-report", fetchVariables = {"programId",
      "completionRate", "learningNps", "passRate", "knowledgeGain", "l3ApplicationRate",
      "kpiDelta", "monetisedBenefits", "totalCosts", "roiPercent", "recommendation"})
  public Result buildReport(@Variable(name = "programId") String programId,
      @Variable(name = "completionRate") Number completionRate,
      @Variable(name = "learningNps") Number learningNps,
      @Variable(name = "passRate") Number passRate,
      @Variable(name = "knowledgeGain") Number knowledgeGain,
      @Variable(name = "l3ApplicationRate") Number l3ApplicationRate,
      @Variable(name = "kpiDelta") Number kpiDelta,
      @Variable(name = "monetisedBenefits") Number monetisedBenefits,
      @Variable(name = "totalCosts") Number totalCosts,
      @Variable(name = "roiPercent") Number roiPercent,
      @Variable(name = "recommendation") String recommendation) {
    String report = render(programId, new Measures(completionRate, learningNps, passRate,
        knowledgeGain, l3ApplicationRate, kpiDelta, monetisedBenefits, totalCosts, roiPercent),
        recommendation);
    return new Result(reports.store(programId, "text/markdown",
        report.getBytes(StandardCharsets.UTF_8)));
  }

  /** What the report shows; any measure may be missing (n/a), e.g. L4 without KPI data. */
  record Measures(Number completionRate, Number learningNps, Number passRate,
      Number knowledgeGain, Number l3ApplicationRate, Number kpiDelta, Number monetisedBenefits,
      Number totalCosts, Number roiPercent) {
  }

  static String render(String programId, Measures m, String recommendation) {
    return "# Evaluation of program " + programId + "\n\n"
        + "| level | measure | value |\n|---|---|---|\n"
        + "| Delivery | completion rate | " + percent(m.completionRate()) + " |\n"
        + "| L1 reaction | learning NPS | " + show(m.learningNps()) + " |\n"
        + "| L2 learning | pass rate | " + percent(m.passRate()) + " |\n"
        + "| L2 learning | knowledge gain (mean post − pre) | " + show(m.knowledgeGain()) + " |\n"
        + "| L3 behaviour | application rate | " + percent(m.l3ApplicationRate()) + " |\n"
        + "| L4 results | KPI delta (difference in differences) | " + show(m.kpiDelta()) + " |\n"
        + "| L4 results | monetised benefits | " + show(m.monetisedBenefits()) + " |\n"
        + "| Phillips | total costs | " + show(m.totalCosts()) + " |\n"
        + "| Phillips | ROI % | " + show(m.roiPercent()) + " |\n\n"
        + "Recommendation: **" + (recommendation == null ? "none" : recommendation) + "**\n";
  }

  private static String show(Number value) {
    return value == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", value.doubleValue());
  }

  private static String percent(Number share) {
    return share == null ? "n/a"
        : String.format(java.util.Locale.ROOT, "%.1f %%", share.doubleValue() * 100);
  }

  public record Result(String reportUrl) {
  }
}
