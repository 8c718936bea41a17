package io.learnops.workers.delivery;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.learnops.connectors.vendor.Money;
import io.learnops.connectors.vendor.PurchaseOrder;
import io.learnops.connectors.vendor.PurchaseOrderConfirmation;
import io.learnops.workers.support.VendorClients;
import io.learnops.workers.support.ConnectorErrors;
import io.learnops.workers.support.ConnectorsProperties;
import io.learnops.workers.support.Variables;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.delivery.raise-purchase-order}: the purchase order for the selected vendor's
 * quote. The PO number and the {@code Idempotency-Key} are derived from programId and vendor id,
 * so a retried job sends the same order and the vendor answers with the order placed first.
 */
@Component
public class RaisePurchaseOrderWorker {

  static final String TYPE = "learnops.delivery.raise-purchase-order";

  private final VendorClients vendors;
  private final ConnectorsProperties.Vendor settings;

  public RaisePurchaseOrderWorker(VendorClients vendors, ConnectorsProperties properties) {
    this.vendors = vendors;
    this.settings = properties.vendor();
  }

  @JobWorker(type = TYPE, fetchVariables = {"programId", "selectedVendor", "quotedCost"})
  public Result raisePurchaseOrder(ActivatedJob job,
      @Variable(name = "programId") String programId,
      @Variable(name = "selectedVendor") Map<String, Object> selectedVendor,
      @Variable(name = "quotedCost") Object quotedCost) {
    String vendorId = Variables.field(selectedVendor, "id")
        .orElseThrow(() -> invalid("selectedVendor has no id"));
    BigDecimal amount = Variables.decimal(quotedCost)
        .orElseThrow(() -> invalid("quotedCost is not an amount: " + quotedCost));
    String currency = Variables.field(quotedCost, "currency").orElse(settings.currency());
    Money total = new Money(amount, currency);
    PurchaseOrder order = new PurchaseOrder(poNumber(programId, vendorId),
        Variables.field(selectedVendor, "quoteId").orElse(programId + "/" + vendorId), total,
        settings.costCenter(), List.of(new PurchaseOrder.Line("Training for program " + programId,
            1, total)));
    PurchaseOrderConfirmation confirmation = ConnectorErrors.call(job,
        () -> vendors.forVendor(vendorId).placePurchaseOrder(order, idempotencyKey(programId, vendorId)));
    return new Result(confirmation.poNumber());
  }

  static String poNumber(String programId, String vendorId) {
    return "PO-" + programId + "-" + vendorId;
  }

  static String idempotencyKey(String programId, String vendorId) {
    return "learnops:purchase-order:" + programId + ":" + vendorId;
  }

  /** Missing data the model should have provided: an incident, no retries. */
  private static RuntimeException invalid(String message) {
    return CamundaError.jobError(message, null, 0, Duration.ZERO);
  }

  /** @param purchaseOrderId the PO number both sides use */
  public record Result(String purchaseOrderId) {
  }
}
