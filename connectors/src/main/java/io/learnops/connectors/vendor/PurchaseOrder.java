package io.learnops.connectors.vendor;

import java.util.List;
import java.util.Objects;

/** An order placed against an accepted quote. */
public record PurchaseOrder(String poNumber, String quoteId, Money total, String costCenter,
    List<Line> lines) {

  public PurchaseOrder {
    Objects.requireNonNull(poNumber, "poNumber");
    Objects.requireNonNull(quoteId, "quoteId");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(costCenter, "costCenter");
    lines = List.copyOf(lines);
  }

  public record Line(String description, int quantity, Money unitPrice) {
  }
}
