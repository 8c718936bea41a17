package io.learnops.workers.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.workers.ports.ProgramRegistry;
import io.learnops.workers.ports.VendorCatalogue;
import io.learnops.workers.ports.VendorCatalogue.CatalogueVendor;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The design stage's buy path with the real design workers: vendors from the catalogue, one RFQ
 * per vendor to a WireMock'd procurement API (one vendor declines: VENDOR_UNAVAILABLE for that
 * vendor only), the other's quote arriving as a message, the selection and the recorded design.
 */
class DesignProcessTest extends ProcessTestBase {

  @Autowired VendorCatalogue catalogue;
  @Autowired ProgramRegistry registry;

  @BeforeEach
  void deployModels() {
    deploy("design.bpmn", "needs-analysis.form", "vendor-selection.form",
        "course-design.form", "content-development.form");
    deployWrapper("design", "designChoice", "selectedVendor", "quotedCost", "budget",
        "designVersion");
  }

  private static void vendorAnswers(String vendorId, int status, String body) {
    SYSTEMS.stubFor(post("/vendor/quote-requests")
        .withHeader("Idempotency-Key", equalTo("learnops:rfq:P-900:0:" + vendorId))
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type",
            status < 300 ? "application/json" : "application/problem+json").withBody(body)));
  }

  @Test
  void a_bought_design_gets_quotes_from_the_vendors_that_answer_and_records_the_selection() {
    // given two approved vendors, one of which declines the RFQ
    when(catalogue.approvedVendors("gdpr", "virtual")).thenReturn(List.of(
        new CatalogueVendor("v1", "Acme", "rfq@acme"),
        new CatalogueVendor("v2", "Busy", "rfq@busy")));
    when(registry.recordDesign(any(), any())).thenReturn(1);
    vendorAnswers("v1", 201, "{\"id\":\"rfq-v1\",\"status\":\"open\"}");
    vendorAnswers("v2", 422, "{\"code\":\"capacity_exhausted\",\"detail\":\"fully booked\"}");
    Map<String, Object> variables = new HashMap<>(Map.of("programId", "P-900", "title",
        "GDPR for support agents", "topic", "gdpr", "deliveryFormat", "virtual",
        "audienceSize", 40, "designTaskDueIn", "P10D", "quoteDeadlineIn", "P14D"));

    // when the designer chooses to buy, Acme quotes and is selected
    long instance = startWrapper("design", variables);
    client.newCompleteUserTaskCommand(awaitUserTask("design", "AnalyseNeeds"))
        .variables(Map.of("designChoice", "buy", "learningObjectives", "Handle GDPR requests",
            "estimatedBudget", 12000, "riskLevel", "low", "complianceRelated", true))
        .send().join();
    await().atMost(WAIT).until(() -> reached("design", "ReceiveQuote", ProcessInstanceIntent.ELEMENT_ACTIVATED)
        && reached("design", "NoQuoteFromVendor", ProcessInstanceIntent.ELEMENT_COMPLETED));
    client.newPublishMessageCommand().messageName("learnops.vendor.quote-received")
        .correlationKey("rfq-v1").timeToLive(Duration.ofMinutes(1))
        .variables(Map.of("quote", Map.of("vendorId", "v1", "amount", 18000))).send().join();
    client.newCompleteUserTaskCommand(awaitUserTask("design", "SelectVendor"))
        .variables(Map.of("selectedVendor", Map.of("id", "v1", "name", "Acme"),
            "quotedCost", 18000))
        .send().join();
    var outputs = awaitCapture(instance);

    // then the budget to approve is the quote and the design is recorded once
    assertThat(((Number) outputs.getVariable("budget")).intValue()).isEqualTo(18000);
    assertThat(outputs.getVariablesAsMap()).containsEntry("designVersion", 1)
        .containsEntry("designChoice", "buy");
    assertThat(completed("design")).contains("VendorUnavailable", "NoQuoteFromVendor",
        "ReceiveQuote", "SelectVendor", "RecordDesign").doesNotContain("FallBackToBuild");
    SYSTEMS.verify(1, postRequestedFor(urlPathEqualTo("/vendor/quote-requests"))
        .withHeader("Idempotency-Key", equalTo("learnops:rfq:P-900:0:v1")));
    var design = ArgumentCaptor.forClass(ProgramRegistry.DesignPackage.class);
    verify(registry).recordDesign(any(), design.capture());
    assertThat(design.getValue().programId()).isEqualTo("P-900");
    assertThat(design.getValue().selectedVendor()).contains(Map.of("id", "v1", "name", "Acme"));
  }
}
