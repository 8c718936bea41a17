package io.learnops.sandbox.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnops.connectors.http.BusinessRejection;
import io.learnops.connectors.http.TechnicalFailure;
import io.learnops.connectors.vendor.Money;
import io.learnops.connectors.vendor.PurchaseOrder;
import io.learnops.connectors.vendor.PurchaseOrderConfirmation;
import io.learnops.connectors.vendor.Quote;
import io.learnops.connectors.vendor.QuoteRequest;
import io.learnops.connectors.vendor.QuoteRequestReceipt;
import io.learnops.connectors.vendor.VendorClient;
import io.learnops.sandbox.SandboxContractTest;
import io.learnops.sandbox.admin.OutageSwitch;
import io.learnops.sandbox.admin.SandboxSystem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo vendors, driven through the connectors' {@link VendorClient}. */
class VendorStandInTest extends SandboxContractTest {

  private static final LocalDate FROM = LocalDate.now().plusDays(30);

  @Autowired
  private OutageSwitch outages;

  @ParameterizedTest
  @CsvSource({"brightpath-learning, 20, 7600.00", "northwind-academy, 20, 7300.00",
      "skillforge, 20, 6700.00"})
  void each_vendor_quotes_its_price_for_a_request(String vendorId, int participants,
      String total) {
    // when
    QuoteRequestReceipt receipt = vendor(vendorId).requestQuote(request(participants, "EUR"),
        "rfq-" + vendorId);
    List<Quote> quotes = vendor(vendorId).quotes(receipt.quoteRequestId());

    // then
    assertThat(receipt.status()).isEqualTo("received");
    assertThat(quotes).singleElement().satisfies(q -> {
      assertThat(q.total()).isEqualTo(Money.of(total, "EUR"));
      assertThat(q.status()).isEqualTo("open");
      assertThat(q.validUntil()).isAfter(LocalDate.now());
    });
  }

  @Test
  void a_purchase_order_sent_twice_with_the_same_key_is_placed_once() {
    // given
    VendorClient vendor = vendor("brightpath-learning");
    Quote quote = quoteFor(vendor, 12);
    PurchaseOrder order = order("PO-2026-0001", quote);

    // when
    PurchaseOrderConfirmation first = vendor.placePurchaseOrder(order, "po-key-1");
    PurchaseOrderConfirmation again = vendor.placePurchaseOrder(order, "po-key-1");

    // then
    assertThat(again).isEqualTo(first);
    assertThat(first.status()).isEqualTo("confirmed");
    assertThat(first.poNumber()).isEqualTo("PO-2026-0001");
    assertThat(vendor.purchaseOrder(first.vendorOrderId())).contains(first);
    assertThat(vendor.quotes(quote.quoteRequestId())).singleElement()
        .satisfies(q -> assertThat(q.status()).isEqualTo("accepted"));
  }

  @Test
  void the_same_request_for_quotation_sent_twice_with_the_same_key_is_one_request() {
    VendorClient vendor = vendor("skillforge");

    QuoteRequestReceipt first = vendor.requestQuote(request(10, "EUR"), "rfq-1");
    QuoteRequestReceipt again = vendor.requestQuote(request(10, "EUR"), "rfq-1");

    assertThat(again).isEqualTo(first);
  }

  @Test
  void a_key_reused_for_another_request_is_refused() {
    VendorClient vendor = vendor("skillforge");
    vendor.requestQuote(request(10, "EUR"), "rfq-1");

    assertThatThrownBy(() -> vendor.requestQuote(request(11, "EUR"), "rfq-1"))
        .isInstanceOfSatisfying(BusinessRejection.class, e -> {
          assertThat(e.code()).isEqualTo("vendor.idempotency_key_reused");
          assertThat(e.httpStatus()).contains(422);
        });
  }

  @Test
  void the_same_po_number_under_another_key_is_a_duplicate() {
    VendorClient vendor = vendor("northwind-academy");
    Quote quote = quoteFor(vendor, 12);
    vendor.placePurchaseOrder(order("PO-1", quote), "key-a");
    Quote second = quoteFor(vendor, 12);

    assertThatThrownBy(() -> vendor.placePurchaseOrder(order("PO-1", second), "key-b"))
        .isInstanceOfSatisfying(BusinessRejection.class,
            e -> assertThat(e.code()).isEqualTo("vendor.duplicate_po_number"));
  }

  @Test
  void an_order_must_repeat_the_quoted_total() {
    VendorClient vendor = vendor("northwind-academy");
    Quote quote = quoteFor(vendor, 12);
    PurchaseOrder cheaper = new PurchaseOrder("PO-9", quote.id(), Money.of("100.00", "EUR"),
        "CC-3100", List.of());

    assertThatThrownBy(() -> vendor.placePurchaseOrder(cheaper, "key"))
        .isInstanceOfSatisfying(BusinessRejection.class,
            e -> assertThat(e.code()).isEqualTo("vendor.total_mismatch"));
  }

  @Test
  void an_order_on_another_vendors_quote_is_an_invalid_quote() {
    Quote quote = quoteFor(vendor("skillforge"), 12);

    assertThatThrownBy(() -> vendor("brightpath-learning")
        .placePurchaseOrder(order("PO-7", quote), "key"))
        .isInstanceOfSatisfying(BusinessRejection.class,
            e -> assertThat(e.code()).isEqualTo("vendor.invalid_quote"));
  }

  @Test
  void a_currency_or_class_size_the_vendor_does_not_serve_is_refused() {
    assertThatThrownBy(() -> vendor("skillforge").requestQuote(request(10, "USD"), "k1"))
        .isInstanceOfSatisfying(BusinessRejection.class,
            e -> assertThat(e.code()).isEqualTo("vendor.unsupported_currency"));
    assertThatThrownBy(() -> vendor("skillforge").requestQuote(request(41, "EUR"), "k2"))
        .isInstanceOfSatisfying(BusinessRejection.class,
            e -> assertThat(e.code()).isEqualTo("vendor.capacity_exceeded"));
  }

  @Test
  void unknown_orders_are_empty_and_unknown_requests_not_found() {
    assertThat(vendor("skillforge").purchaseOrder("so-999999")).isEmpty();
    assertThatThrownBy(() -> vendor("skillforge").quotes("rfq-999999"))
        .isInstanceOfSatisfying(BusinessRejection.class,
            e -> assertThat(e.code()).isEqualTo("vendor.not_found"));
  }

  @Test
  void a_wrong_api_key_is_misconfiguration() {
    assertThatThrownBy(() -> vendor("skillforge", "wrong").requestQuote(request(5, "EUR"), "k"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            e -> assertThat(e.kind()).isEqualTo(TechnicalFailure.Kind.MISCONFIGURED));
  }

  @Test
  void an_outage_is_retried_with_the_same_key_and_then_a_server_error() {
    outages.start(SandboxSystem.VENDOR, 503);

    assertThatThrownBy(() -> vendor("skillforge").requestQuote(request(5, "EUR"), "k"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            e -> assertThat(e.kind()).isEqualTo(TechnicalFailure.Kind.SERVER_ERROR));
    assertThat(sleeps).hasSize(ATTEMPTS - 1);
  }

  private static Quote quoteFor(VendorClient vendor, int participants) {
    QuoteRequestReceipt receipt = vendor.requestQuote(request(participants, "EUR"),
        "rfq-" + java.util.UUID.randomUUID());
    return vendor.quotes(receipt.quoteRequestId()).get(0);
  }

  private static PurchaseOrder order(String poNumber, Quote quote) {
    return new PurchaseOrder(poNumber, quote.id(), quote.total(), "CC-3100",
        List.of(new PurchaseOrder.Line("Workshop", 1, quote.total())));
  }

  private static QuoteRequest request(int participants, String currency) {
    return new QuoteRequest("program-42", "Negotiation workshop", "Two days on site",
        participants, FROM, FROM.plusDays(14), currency);
  }
}
