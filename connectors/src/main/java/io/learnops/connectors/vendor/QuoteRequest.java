package io.learnops.connectors.vendor;

import java.time.LocalDate;
import java.util.Objects;

/** A request for quotation (RFQ) for delivering a training. */
public record QuoteRequest(String programRef, String title, String description, int participants,
    LocalDate deliverFrom, LocalDate deliverUntil, String currency) {

  public QuoteRequest {
    Objects.requireNonNull(programRef, "programRef");
    Objects.requireNonNull(title, "title");
    description = description == null ? "" : description;
    Objects.requireNonNull(deliverFrom, "deliverFrom");
    Objects.requireNonNull(deliverUntil, "deliverUntil");
    Objects.requireNonNull(currency, "currency");
    if (participants < 1) {
      throw new IllegalArgumentException("participants must be positive");
    }
    if (deliverUntil.isBefore(deliverFrom)) {
      throw new IllegalArgumentException("delivery window ends before it starts");
    }
  }
}
