package io.learnops.connectors.vendor;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.learnops.connectors.http.BusinessRejection;
import io.learnops.connectors.http.TechnicalFailure;
import io.learnops.connectors.http.TechnicalFailure.Kind;
import io.learnops.connectors.http.TestRuntime;
import io.learnops.connectors.http.Timeouts;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VendorClientTest {

  @RegisterExtension
  static WireMockExtension vendor =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private TestRuntime test;
  private VendorClient client;

  @BeforeEach
  void setUp() {
    test = new TestRuntime();
    client = clientWith(TestRuntime.testTimeouts());
  }

  private VendorClient clientWith(Timeouts timeouts) {
    return new VendorClient(new VendorSettings(URI.create(vendor.baseUrl() + "/v1"), "vendor-key",
        timeouts, TestRuntime.fastRetries()), test.runtime());
  }

  private static QuoteRequest rfq() {
    return new QuoteRequest("prog-17", "Forklift safety refresher", "Two sessions on site", 24,
        LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30"), "EUR");
  }

  private static PurchaseOrder order() {
    return new PurchaseOrder("PO-2026-0042", "q-9", Money.of("4800.00", "EUR"), "CC-7",
        List.of(new PurchaseOrder.Line("On-site session", 2, Money.of("2400.00", "EUR"))));
  }

  private static ResponseDefinitionBuilder problem(int status, String type, String code) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
        .withBody("{\"type\":\"" + type + "\",\"title\":\"Rejected\",\"status\":" + status
            + (code == null ? "" : ",\"code\":\"" + code + "\"")
            + ",\"detail\":\"The quote expired on 2026-03-01\"}");
  }

  @Test
  void a_quote_request_is_posted_with_the_callers_idempotency_key() {
    vendor.stubFor(post("/v1/quote-requests")
        .withHeader("Idempotency-Key", equalTo("rfq-prog-17"))
        .withHeader("Authorization", equalTo("Bearer vendor-key"))
        .withRequestBody(equalToJson("""
            {"programRef":"prog-17","title":"Forklift safety refresher",
             "description":"Two sessions on site","participants":24,
             "deliveryWindow":{"from":"2026-04-01","until":"2026-04-30"},"currency":"EUR"}"""))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"id\":\"rfq-1\",\"status\":\"received\"}")));

    QuoteRequestReceipt receipt = client.requestQuote(rfq(), "rfq-prog-17");

    assertThat(receipt).isEqualTo(new QuoteRequestReceipt("rfq-1", "received"));
  }

  @Test
  void quotes_are_read_with_exact_decimal_amounts() {
    vendor.stubFor(get("/v1/quote-requests/rfq-1/quotes").willReturn(okJson(
        "{\"quotes\":[{\"id\":\"q-9\",\"total\":{\"amount\":\"4800.10\",\"currency\":\"EUR\"},"
            + "\"validUntil\":\"2026-03-31\",\"status\":\"offered\"}]}")));

    List<Quote> quotes = client.quotes("rfq-1");

    assertThat(quotes).containsExactly(new Quote("q-9", "rfq-1", Money.of("4800.10", "EUR"),
        LocalDate.parse("2026-03-31"), "offered"));
  }

  @Test
  void a_purchase_order_resent_after_a_5xx_carries_the_same_key_so_the_vendor_books_it_once() {
    vendor.stubFor(post("/v1/purchase-orders").inScenario("flaky")
        .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(500))
        .willSetStateTo("up"));
    vendor.stubFor(post("/v1/purchase-orders").inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"id\":\"vo-3\",\"poNumber\":\"PO-2026-0042\",\"status\":\"accepted\"}")));

    PurchaseOrderConfirmation confirmation = client.placePurchaseOrder(order(), "po-PO-2026-0042");

    assertThat(confirmation).isEqualTo(
        new PurchaseOrderConfirmation("vo-3", "PO-2026-0042", "accepted"));
    vendor.verify(2, postRequestedFor(urlEqualTo("/v1/purchase-orders"))
        .withHeader("Idempotency-Key", equalTo("po-PO-2026-0042"))
        .withRequestBody(equalToJson("""
            {"poNumber":"PO-2026-0042","quoteId":"q-9",
             "total":{"amount":"4800.00","currency":"EUR"},"billTo":{"costCenter":"CC-7"},
             "lines":[{"description":"On-site session","quantity":2,
                       "unitPrice":{"amount":"2400.00","currency":"EUR"}}]}""")));
  }

  @Test
  void an_order_for_an_expired_quote_is_a_business_rejection_with_the_vendors_code() {
    vendor.stubFor(post("/v1/purchase-orders")
        .willReturn(problem(422, "https://vendor.example/problems/quote-expired", null)));

    assertThatThrownBy(() -> client.placePurchaseOrder(order(), "po-1"))
        .isInstanceOfSatisfying(BusinessRejection.class, rejection -> {
          assertThat(rejection.code()).isEqualTo("vendor.quote_expired");
          assertThat(rejection.httpStatus()).contains(422);
          assertThat(rejection.getMessage()).contains("expired on 2026-03-01");
        });
    vendor.verify(1, postRequestedFor(urlEqualTo("/v1/purchase-orders")));
  }

  @Test
  void a_reused_idempotency_key_with_a_different_order_is_a_conflict_rejection() {
    vendor.stubFor(post("/v1/purchase-orders")
        .willReturn(problem(409, "about:blank", "IDEMPOTENCY_KEY_REUSED")));

    assertThatThrownBy(() -> client.placePurchaseOrder(order(), "po-1"))
        .isInstanceOfSatisfying(BusinessRejection.class, rejection ->
            assertThat(rejection.code()).isEqualTo("vendor.idempotency_key_reused"));
  }

  @Test
  void a_4xx_without_problem_details_falls_back_to_the_status_code() {
    vendor.stubFor(post("/v1/quote-requests").willReturn(aResponse().withStatus(400)
        .withBody("Bad Request")));

    assertThatThrownBy(() -> client.requestQuote(rfq(), "rfq-1"))
        .isInstanceOfSatisfying(BusinessRejection.class,
            rejection -> assertThat(rejection.code()).isEqualTo("vendor.http_400"));
  }

  @Test
  void a_revoked_api_key_is_a_misconfiguration() {
    vendor.stubFor(post("/v1/quote-requests").willReturn(aResponse().withStatus(403)));

    assertThatThrownBy(() -> client.requestQuote(rfq(), "rfq-1"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MISCONFIGURED));
  }

  @Test
  void a_vendor_that_stays_down_is_a_technical_failure_after_the_retries() {
    vendor.stubFor(post("/v1/purchase-orders").willReturn(aResponse().withStatus(502)));

    assertThatThrownBy(() -> client.placePurchaseOrder(order(), "po-1"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR));
    vendor.verify(3, postRequestedFor(urlEqualTo("/v1/purchase-orders")));
  }

  @Test
  void a_rate_limited_quote_request_waits_as_asked_and_goes_through() {
    vendor.stubFor(post("/v1/quote-requests").inScenario("limit")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "4"))
        .willSetStateTo("ok"));
    vendor.stubFor(post("/v1/quote-requests").inScenario("limit").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"id\":\"rfq-1\",\"status\":\"received\"}")));

    assertThat(client.requestQuote(rfq(), "rfq-1").quoteRequestId()).isEqualTo("rfq-1");
    assertThat(test.sleeps()).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void a_slow_vendor_is_a_timeout_and_the_keyed_post_may_be_resent() {
    vendor.stubFor(post("/v1/purchase-orders").willReturn(okJson("{}").withFixedDelay(1_000)));
    VendorClient impatient = clientWith(new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(100)));

    assertThatThrownBy(() -> impatient.placePurchaseOrder(order(), "po-1"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT));
    vendor.verify(3, postRequestedFor(urlEqualTo("/v1/purchase-orders"))
        .withHeader("Idempotency-Key", equalTo("po-1")));
  }

  @Test
  void a_confirmation_without_the_vendor_order_id_is_malformed() {
    vendor.stubFor(post("/v1/purchase-orders").willReturn(okJson("{\"status\":\"accepted\"}")));

    assertThatThrownBy(() -> client.placePurchaseOrder(order(), "po-1"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
  }

  @Test
  void a_quote_with_a_float_garbage_amount_is_malformed() {
    vendor.stubFor(get("/v1/quote-requests/rfq-1/quotes").willReturn(okJson(
        "{\"quotes\":[{\"id\":\"q-9\",\"total\":{\"amount\":\"lots\",\"currency\":\"EUR\"},"
            + "\"validUntil\":\"2026-03-31\",\"status\":\"offered\"}]}")));

    assertThatThrownBy(() -> client.quotes("rfq-1"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
  }

  @Test
  void a_purchase_order_is_read_back_and_an_unknown_one_is_empty() {
    vendor.stubFor(get("/v1/purchase-orders/vo-3").willReturn(okJson(
        "{\"id\":\"vo-3\",\"poNumber\":\"PO-2026-0042\",\"status\":\"delivered\"}")));
    vendor.stubFor(get("/v1/purchase-orders/vo-404").willReturn(problem(404, "about:blank", null)));

    assertThat(client.purchaseOrder("vo-3")).map(PurchaseOrderConfirmation::status)
        .contains("delivered");
    assertThat(client.purchaseOrder("vo-404")).isEmpty();
  }

  @Test
  void a_blank_idempotency_key_is_refused_before_anything_is_sent() {
    assertThatThrownBy(() -> client.placePurchaseOrder(order(), " "))
        .isInstanceOf(IllegalArgumentException.class);
    vendor.verify(0, postRequestedFor(urlEqualTo("/v1/purchase-orders")));
  }

  static Stream<Named<Consumer<VendorClient>>> everyCall() {
    return Stream.of(
        call("POST quote-requests", c -> c.requestQuote(rfq(), "rfq-1")),
        call("GET quotes", c -> c.quotes("rfq-1")),
        call("POST purchase-orders", c -> c.placePurchaseOrder(order(), "po-1")),
        call("GET purchase-orders/{id}", c -> c.purchaseOrder("vo-3")));
  }

  private static Named<Consumer<VendorClient>> call(String name, Consumer<VendorClient> call) {
    return Named.of(name, call);
  }

  // Every call, each failure mode: the mapping must not depend on which function was called.

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_ends_in_a_server_error_when_5xx_persist(Consumer<VendorClient> call) {
    vendor.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_reports_refused_credentials_as_misconfiguration(Consumer<VendorClient> call) {
    vendor.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)));

    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MISCONFIGURED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_turns_the_systems_no_into_a_business_rejection(Consumer<VendorClient> call) {
    vendor.stubFor(any(anyUrl()).willReturn(problem(422, "about:blank", "not_allowed")));

    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOfSatisfying(BusinessRejection.class,
            rejection -> assertThat(rejection.code()).isEqualTo("vendor.not_allowed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_reports_an_unparsable_body_as_malformed(Consumer<VendorClient> call) {
    vendor.stubFor(any(anyUrl()).willReturn(okJson("{\"truncated\": [")));

    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_gives_up_on_a_server_slower_than_the_read_timeout(Consumer<VendorClient> call) {
    vendor.stubFor(any(anyUrl()).willReturn(okJson("{}").withFixedDelay(600)));
    VendorClient impatient = clientWith(new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(100)));

    assertThatThrownBy(() -> call.accept(impatient))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT));
  }
}
