package io.learnops.connectors.vendor;

/** The vendor's acknowledgement of an RFQ; quotes arrive later (poll or webhook). */
public record QuoteRequestReceipt(String quoteRequestId, String status) {
}
