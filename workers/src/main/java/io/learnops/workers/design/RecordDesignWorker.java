package io.learnops.workers.design;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.learnops.workers.ports.ProgramRegistry;
import io.learnops.workers.support.Variables;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.design.record-design}: stores the design package in the {@link
 * ProgramRegistry} and returns the budget to approve: the vendor's quote when bought, the
 * internal estimate when built. The registry key is the task's element instance, so a retried job
 * gets the version it stored, while a rework round stores a new one.
 */
@Component
public class RecordDesignWorker {

  private final ProgramRegistry registry;

  public RecordDesignWorker(ProgramRegistry registry) {
    this.registry = registry;
  }

  @JobWorker(type = "learnops.design.record-design", fetchVariables = {"programId",
      "designChoice", "learningObjectives", "selectedVendor", "quotedCost", "estimatedBudget"})
  public Result recordDesign(ActivatedJob job, @Variable(name = "programId") String programId,
      @Variable(name = "designChoice") String designChoice,
      @Variable(name = "learningObjectives") Object learningObjectives,
      @Variable(name = "selectedVendor") Map<String, Object> selectedVendor,
      @Variable(name = "quotedCost") Object quotedCost,
      @Variable(name = "estimatedBudget") Object estimatedBudget) {
    Optional<BigDecimal> quote = Variables.decimal(quotedCost);
    Optional<BigDecimal> estimate = Variables.decimal(estimatedBudget);
    BigDecimal budget = budget(designChoice, quote, estimate);
    int version = registry.recordDesign(
        "design:" + programId + ":" + job.getElementInstanceKey(),
        new ProgramRegistry.DesignPackage(programId, designChoice, learningObjectives,
            Optional.ofNullable(selectedVendor), quote, estimate, budget));
    return new Result(version, budget);
  }

  static BigDecimal budget(String designChoice, Optional<BigDecimal> quote,
      Optional<BigDecimal> estimate) {
    Optional<BigDecimal> budget = "buy".equals(designChoice) ? quote : estimate;
    return budget.orElseThrow(() -> CamundaError.jobError("buy".equals(designChoice)
        ? "a bought design needs quotedCost" : "a built design needs estimatedBudget", null, 0,
        Duration.ZERO));
  }

  public record Result(int designVersion, BigDecimal budget) {
  }
}
