package io.learnops.workers.evaluation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import io.learnops.workers.support.Variables;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.evaluation.compute-l4}: KPI delta by difference in differences and its money
 * value ({@link KpiDelta}) from the analyst's {@code kpiData}. Incomplete data is an incident:
 * the form requires the fields, so it means the model or form changed.
 */
@Component
public class ComputeL4Worker {

  @JobWorker(type = "learnops.evaluation.compute-l4", fetchVariables = {"programId", "kpiData"})
  public Result computeL4(@Variable(name = "programId") String programId,
      @Variable(name = "kpiData") Map<String, Object> kpiData) {
    Map<String, Object> data = kpiData == null ? Map.of() : kpiData;
    KpiDelta delta = KpiDelta.of(required(data, "trainedBaseline"), required(data, "trainedPost"),
        Variables.decimal(data.get("controlBaseline")), Variables.decimal(data.get("controlPost")),
        required(data, "unitValue"));
    return new Result(delta.delta(), delta.monetisedBenefits());
  }

  private static BigDecimal required(Map<String, Object> data, String field) {
    return Variables.decimal(data.get(field)).orElseThrow(() -> CamundaError.jobError(
        "kpiData." + field + " is missing or not a number", null, 0, Duration.ZERO));
  }

  public record Result(BigDecimal kpiDelta, BigDecimal monetisedBenefits) {
  }
}
