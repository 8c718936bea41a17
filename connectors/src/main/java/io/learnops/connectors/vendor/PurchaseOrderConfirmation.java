package io.learnops.connectors.vendor;

/** The vendor's record of a purchase order: its id on their side and its status. */
public record PurchaseOrderConfirmation(String vendorOrderId, String poNumber, String status) {
}
