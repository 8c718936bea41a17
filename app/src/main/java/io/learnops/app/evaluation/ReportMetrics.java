package io.learnops.app.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the measures back from the table of the workers' Markdown evaluation report
 * ({@code | level | measure | value |}); {@code n/a} is left out, percentages become shares.
 */
final class ReportMetrics {

  private static final Map<String, String> METRICS = Map.of(
      "completion rate", "completionRate",
      "learning NPS", "learningNps",
      "pass rate", "passRate",
      "knowledge gain", "knowledgeGain",
      "application rate", "l3ApplicationRate",
      "KPI delta", "kpiDelta",
      "monetised benefits", "monetisedBenefits",
      "total costs", "totalCosts",
      "ROI %", "roiPercent");

  private ReportMetrics() {}

  static Map<String, BigDecimal> parse(String markdown) {
    final Map<String, BigDecimal> metrics = new LinkedHashMap<>();
    for (String line : markdown.split("\n")) {
      final String[] cells = line.split("\\|");
      if (cells.length < 4) {
        continue;
      }
      final String measure = cells[2].strip();
      final String value = cells[3].strip();
      METRICS.entrySet().stream().filter(m -> measure.startsWith(m.getKey())).findFirst()
          .ifPresent(m -> number(value).ifPresent(n -> metrics.put(m.getValue(), n)));
    }
    return metrics;
  }

  static Iterable<String> names() {
    return METRICS.values();
  }

  private static java.util.Optional<BigDecimal> number(String cell) {
    try {
      if (cell.endsWith("%")) {
        return java.util.Optional.of(new BigDecimal(cell.substring(0, cell.length() - 1).strip())
            .divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP));
      }
      return java.util.Optional.of(new BigDecimal(cell));
    } catch (NumberFormatException notANumber) {
      return java.util.Optional.empty();
    }
  }
}
