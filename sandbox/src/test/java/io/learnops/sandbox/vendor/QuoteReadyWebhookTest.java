package io.learnops.sandbox.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.connectors.vendor.QuoteRequest;
import io.learnops.connectors.vendor.VendorClient;
import io.learnops.connectors.vendor.webhook.VerifiedWebhook;
import io.learnops.sandbox.SandboxContractTest;
import io.learnops.sandbox.testapp.VendorWebhookSink;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A vendor's {@code quote.ready} callback reaches a receiver built from the connectors'
 * Standard Webhooks verifier. Deliveries are asynchronous: the test blocks on the sink's queue
 * (with a generous bound) instead of sleeping.
 */
class QuoteReadyWebhookTest extends SandboxContractTest {

  @Autowired
  private VendorWebhookSink sink;

  @BeforeEach
  void forgetEarlierDeliveries() {
    sink.received().clear();
  }

  @Test
  void a_quote_is_announced_with_a_signed_callback() throws InterruptedException {
    // when
    VendorClient vendor = vendor("northwind-academy");
    String requestId = vendor.requestQuote(request(), "rfq-webhook-1").quoteRequestId();
    String quoteId = vendor.quotes(requestId).get(0).id();

    // then
    VerifiedWebhook delivery = nextDelivery("northwind-academy");
    assertThat(delivery.id()).isEqualTo("msg_northwind-academy_" + quoteId);
    assertThat(delivery.bodyText()).contains("\"type\":\"quote.ready\"",
        "\"quoteRequestId\":\"" + requestId + "\"", "\"programRef\":\"program-7\"",
        "\"amount\":\"4400.00\"");
  }

  @Test
  void a_replayed_request_is_not_announced_again() throws InterruptedException {
    // given a request sent twice under one key, then another one
    VendorClient vendor = vendor("brightpath-learning");
    String first = vendor.requestQuote(request(), "rfq-a").quoteRequestId();
    vendor.requestQuote(request(), "rfq-a");
    String second = vendor.requestQuote(request(), "rfq-b").quoteRequestId();

    // then the deliveries, sent in order, are one per request
    assertThat(nextDelivery("brightpath-learning").bodyText()).contains(first);
    assertThat(nextDelivery("brightpath-learning").bodyText()).contains(second);
  }

  /**
   * The next delivery of this test's program from the vendor; callbacks of other test classes
   * may still be on their way and are skipped.
   */
  private VerifiedWebhook nextDelivery(String vendorId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      VerifiedWebhook delivery = sink.received().poll(
          deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (delivery != null && delivery.bodyText().contains("\"vendorId\":\"" + vendorId + "\"")
          && delivery.bodyText().contains("\"programRef\":\"program-7\"")) {
        return delivery;
      }
    }
    throw new AssertionError("no quote.ready from " + vendorId + " within 30 s");
  }

  private static QuoteRequest request() {
    return new QuoteRequest("program-7", "Feedback workshop", "", 10,
        LocalDate.now().plusDays(10), LocalDate.now().plusDays(12), "EUR");
  }
}
