package io.learnops.workers.evaluation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.learnops.workers.ports.CostLedger;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.evaluation.collect-costs}: fully loaded costs ({@link
 * PhillipsRoi#fullyLoadedCosts}) from the {@link CostLedger}: vendor invoice of the purchase
 * order (none for built programs), internal hours × rate, completers × learner hours × rate.
 */
@Component
public class CollectCostsWorker {

  private final CostLedger ledger;

  public CollectCostsWorker(CostLedger ledger) {
    this.ledger = ledger;
  }

  @JobWorker(type = "learnops.evaluation.collect-costs",
      fetchVariables = {"programId", "purchaseOrderId", "completedCount"})
  public Result collectCosts(@Variable(name = "programId") String programId,
      @Variable(name = "purchaseOrderId") String purchaseOrderId,
      @Variable(name = "completedCount") Integer completedCount) {
    BigDecimal vendor = purchaseOrderId == null || purchaseOrderId.isBlank() ? BigDecimal.ZERO
        : ledger.vendorInvoice(purchaseOrderId);
    CostLedger.Effort internal = ledger.internalEffort(programId);
    CostLedger.Effort learners = ledger.learnerEffort(programId);
    return new Result(PhillipsRoi.fullyLoadedCosts(vendor, internal.hours(), internal.hourlyRate(),
        completedCount == null ? 0 : completedCount, learners.hours(), learners.hourlyRate()));
  }

  public record Result(BigDecimal totalCosts) {
  }
}
