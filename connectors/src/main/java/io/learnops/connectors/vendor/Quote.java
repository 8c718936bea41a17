package io.learnops.connectors.vendor;

import java.time.LocalDate;

/** A vendor's offer for an RFQ. */
public record Quote(String id, String quoteRequestId, Money total, LocalDate validUntil,
    String status) {
}
