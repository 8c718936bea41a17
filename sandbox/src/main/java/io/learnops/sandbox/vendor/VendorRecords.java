package io.learnops.sandbox.vendor;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a demo vendor keeps: requests for quotation, its quotes and the orders placed. */
final class VendorRecords {

  private VendorRecords() {
  }

  record QuoteRequest(String id, String vendorId, String programRef, String title,
      int participants, LocalDate deliverFrom, LocalDate deliverUntil, String currency) {
  }

  record Quote(String id, String quoteRequestId, BigDecimal amount, String currency,
      LocalDate validUntil, String status) {

    Quote withStatus(String newStatus) {
      return new Quote(id, quoteRequestId, amount, currency, validUntil, newStatus);
    }
  }

  record Order(String id, String vendorId, String poNumber, String quoteId, BigDecimal amount,
      String currency, String costCenter, String status) {
  }
}
