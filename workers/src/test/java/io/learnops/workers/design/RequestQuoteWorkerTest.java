package io.learnops.workers.design;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.learnops.workers.support.Jobs;
import io.learnops.workers.support.TestConnectors;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestQuoteWorkerTest {

  @RegisterExtension
  static WireMockExtension vendor =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Map<String, Object> ACME = Map.of("id", "v1", "name", "Acme");
  private RequestQuoteWorker worker;

  @BeforeEach
  void setUp() {
    worker = new RequestQuoteWorker(TestConnectors.vendors(vendor.baseUrl()),
        TestConnectors.properties(vendor.baseUrl()),
        Clock.fixed(TestConnectors.NOW, ZoneOffset.UTC));
  }

  @Test
  void a_retried_rfq_is_sent_under_the_same_key_and_returns_the_vendors_id() {
    vendor.stubFor(post("/vendor/v1/quote-requests").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"rfq-7\",\"status\":\"open\"}")));

    var first = worker.requestQuote(Jobs.job(), "P-1", ACME, List.of("GDPR"), "P14D", "GDPR", 40, null);
    var again = worker.requestQuote(Jobs.job(), "P-1", ACME, List.of("GDPR"), "P14D", "GDPR", 40, null);

    assertThat(first.quoteRequestId()).isEqualTo("rfq-7").isEqualTo(again.quoteRequestId());
    vendor.verify(2, postRequestedFor(urlEqualTo("/vendor/v1/quote-requests"))
        .withHeader("Idempotency-Key", equalTo("learnops:rfq:P-1:0:v1"))
        .withRequestBody(equalToJson("""
            {"programRef":"P-1","title":"GDPR","description":"GDPR","participants":40,
             "deliveryWindow":{"from":"2026-03-16","until":"2026-06-14"},"currency":"EUR"}""")));
  }

  @Test
  void a_design_reworked_after_review_asks_the_vendor_again_under_a_new_key() {
    vendor.stubFor(post("/vendor/v1/quote-requests").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"rfq-8\",\"status\":\"open\"}")));

    worker.requestQuote(Jobs.job(), "P-1", ACME, List.of("GDPR"), "P14D", "GDPR", 40, null);
    worker.requestQuote(Jobs.job(), "P-1", ACME, List.of("GDPR, shorter"), "P14D", "GDPR", 40, 1);

    vendor.verify(1, postRequestedFor(urlEqualTo("/vendor/v1/quote-requests"))
        .withHeader("Idempotency-Key", equalTo("learnops:rfq:P-1:0:v1")));
    vendor.verify(1, postRequestedFor(urlEqualTo("/vendor/v1/quote-requests"))
        .withHeader("Idempotency-Key", equalTo("learnops:rfq:P-1:1:v1")));
  }

  @Test
  void a_vendor_declining_is_vendor_unavailable() {
    vendor.stubFor(post("/vendor/v1/quote-requests").willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"code\":\"capacity_exhausted\",\"detail\":\"fully booked\"}")));

    assertThatThrownBy(() -> worker.requestQuote(Jobs.job(), "P-1", ACME, "o", "P14D", "t", 5, null))
        .isInstanceOfSatisfying(BpmnError.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("VENDOR_UNAVAILABLE");
          assertThat(Jobs.variables(e).get("vendorError").toString())
              .startsWith("vendor.capacity_exhausted");
        });
  }

  @Test
  void an_unreachable_vendor_is_retried_and_on_the_last_retry_vendor_unavailable() {
    vendor.stubFor(post("/vendor/v1/quote-requests").willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> worker.requestQuote(Jobs.job(3), "P-1", ACME, "o", "P14D", "t", 5, null))
        .isInstanceOfSatisfying(JobError.class, e -> assertThat(e.getRetries()).isEqualTo(2));
    assertThatThrownBy(() -> worker.requestQuote(Jobs.job(1), "P-1", ACME, "o", "P14D", "t", 5, null))
        .isInstanceOfSatisfying(BpmnError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo("VENDOR_UNAVAILABLE"));
  }
}
