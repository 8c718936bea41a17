package io.learnops.workers.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camunda.client.exception.JobError;
import io.learnops.workers.support.Jobs;
import io.learnops.workers.support.TestConnectors;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RaisePurchaseOrderWorkerTest {

  @RegisterExtension
  static WireMockExtension procurement =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private RaisePurchaseOrderWorker worker;

  @BeforeEach
  void setUp() {
    worker = new RaisePurchaseOrderWorker(TestConnectors.vendors(procurement.baseUrl()),
        TestConnectors.properties(procurement.baseUrl()));
  }

  @Test
  void a_retried_job_sends_the_same_order_under_the_same_idempotency_key() {
    // given a vendor that answers every order with its confirmation
    procurement.stubFor(post("/vendor/v1/purchase-orders").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"vo-1\",\"poNumber\":\"PO-P-1-v1\",\"status\":\"accepted\"}")));

    // when the job runs twice
    var vendor = Map.<String, Object>of("id", "v1", "name", "Acme", "quoteId", "q-9");
    var first = worker.raisePurchaseOrder(Jobs.job(), "P-1", vendor, 18000);
    var again = worker.raisePurchaseOrder(Jobs.job(), "P-1", vendor, 18000);

    // then both requests carry one key, so the vendor places one order
    assertThat(first.purchaseOrderId()).isEqualTo("PO-P-1-v1").isEqualTo(again.purchaseOrderId());
    procurement.verify(2, postRequestedFor(urlEqualTo("/vendor/v1/purchase-orders"))
        .withHeader("Idempotency-Key", equalTo("learnops:purchase-order:P-1:v1"))
        .withRequestBody(equalToJson("""
            {"poNumber":"PO-P-1-v1","quoteId":"q-9",
             "total":{"amount":"18000","currency":"EUR"},"billTo":{"costCenter":"LND"}}""",
            true, true)));
  }

  @Test
  void a_vendor_refusal_is_an_incident_since_the_model_has_no_error_for_it() {
    procurement.stubFor(post("/vendor/v1/purchase-orders").willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"type\":\"https://v.example/problems/quote-expired\",\"title\":\"expired\"}")));

    assertThatThrownBy(() -> worker.raisePurchaseOrder(Jobs.job(), "P-1", Map.of("id", "v1"),
        "18000.50"))
        .isInstanceOfSatisfying(JobError.class, error -> {
          assertThat(error.getRetries()).isZero();
          assertThat(error.getErrorMessage()).startsWith("vendor.quote_expired");
        });
  }

  @Test
  void an_order_without_vendor_or_amount_is_not_sent() {
    assertThatThrownBy(() -> worker.raisePurchaseOrder(Jobs.job(), "P-1", Map.of(), 100))
        .isInstanceOf(JobError.class).hasMessageContaining("selectedVendor");
    assertThatThrownBy(() -> worker.raisePurchaseOrder(Jobs.job(), "P-1", Map.of("id", "v1"),
        "n/a")).isInstanceOf(JobError.class).hasMessageContaining("quotedCost");
    procurement.verify(0, anyRequestedFor(anyUrl()));
  }
}
