package io.learnops.workers.ports;

import java.math.BigDecimal;

/** Where the cost figures of a program are kept (finance, time tracking). */
public interface CostLedger {

  /** Vendor invoice amount for the purchase order, zero when nothing was invoiced. */
  BigDecimal vendorInvoice(String purchaseOrderId);

  /** Internal hours booked on the program and the loaded hourly rate. */
  Effort internalEffort(String programId);

  /** Hours one learner spends on the program and the loaded hourly rate of learner time. */
  Effort learnerEffort(String programId);

  record Effort(BigDecimal hours, BigDecimal hourlyRate) {
  }
}
