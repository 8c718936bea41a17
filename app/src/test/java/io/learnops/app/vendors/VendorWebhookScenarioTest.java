package io.learnops.app.vendors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.connectors.vendor.webhook.StandardWebhookVerifier;
import io.learnops.connectors.vendor.webhook.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import io.learnops.app.support.EmbeddedEngineTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * A vendor's signed quote.ready callback reaches the design stage's vendor branch; a forged one
 * is refused and changes nothing; a redelivery is acknowledged once.
 */
@EmbeddedEngineTest
@TestPropertySource(properties = {
    "learnops.models.deploy-on-start=false",
    "learnops.vendor-webhooks.secrets=" + VendorWebhookScenarioTest.SECRET,
    "spring.datasource.url=jdbc:h2:mem:vendor-webhooks;DB_CLOSE_DELAY=-1"
})
class VendorWebhookScenarioTest {

  static final String SECRET = "whsec_dGVzdC12ZW5kb3Itc2VjcmV0LWZvci13ZWJob29rcw==";

  @Autowired TestRestTemplate http;
  @Autowired CamundaClient client;

  @BeforeEach
  void deployAVendorBranchWaitingForItsQuote() {
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("vendor-quote").startEvent()
        .receiveTask("ReceiveQuote").message(m -> m.name(QuoteReceived.MESSAGE).zeebeCorrelationKeyExpression("quoteRequestId"))
        .endEvent().done(), "vendor-quote.bpmn").send().join();
  }

  @Test
  void aSignedQuoteReachesTheWaitingBranchOnceEvenWhenRedelivered() {
    final ProcessInstanceEvent branch = waitFor("RFQ-100");
    final String body = quoteReady("RFQ-100", "1850.00");

    final ResponseEntity<String> first = post("msg_1", body, sign("msg_1", body, SECRET));
    final ResponseEntity<String> again = post("msg_1", body, sign("msg_1", body, SECRET));

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    await().untilAsserted(() -> assertThat(client.newProcessInstanceGetRequest(branch.getProcessInstanceKey())
        .send().join().getState().name()).isEqualTo("COMPLETED"));
    final var quote = client.newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(branch.getProcessInstanceKey()).name("quote")).send().join().items();
    assertThat(quote).singleElement().satisfies(v -> assertThat(v.getValue()).contains("\"amount\":1850", "brightpath"));
    assertThat(client.newCorrelatedMessageSubscriptionSearchRequest()
        .filter(f -> f.processInstanceKey(branch.getProcessInstanceKey())).send().join().items()).hasSize(1);
  }

  @Test
  void aForgedQuoteIsRefusedAndTheBranchKeepsWaiting() {
    final ProcessInstanceEvent branch = waitFor("RFQ-200");
    final String body = quoteReady("RFQ-200", "1.00");

    final ResponseEntity<String> forged = post("msg_2", body,
        sign("msg_2", body, "whsec_c29tZW9uZS1lbHNlcy1zZWNyZXQtMTIzNDU2Nzg5MA=="));

    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(forged.getBody()).contains("Webhook refused");
    assertThat(client.newProcessInstanceGetRequest(branch.getProcessInstanceKey()).send().join().getState().name())
        .isEqualTo("ACTIVE");
    // the genuine delivery of the same id is still processed: a refusal claims nothing
    assertThat(post("msg_2", body, sign("msg_2", body, SECRET)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private ProcessInstanceEvent waitFor(String quoteRequestId) {
    return client.newCreateInstanceCommand().bpmnProcessId("vendor-quote").latestVersion()
        .variables(Map.of("quoteRequestId", quoteRequestId)).send().join();
  }

  private static String quoteReady(String quoteRequestId, String amount) {
    return """
        {"type":"quote.ready","timestamp":"2026-11-29T10:00:00Z","data":{"vendorId":"brightpath-learning",
         "quoteRequestId":"%s","programRef":"P-1","quoteId":"Q-1","total":{"amount":"%s","currency":"EUR"},
         "validUntil":"2026-12-31"}}""".formatted(quoteRequestId, amount);
  }

  private static HttpHeaders sign(String id, String body, String secret) {
    final long timestamp = Instant.now().getEpochSecond();
    final HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("webhook-id", id);
    headers.set("webhook-timestamp", Long.toString(timestamp));
    headers.set("webhook-signature", StandardWebhookVerifier.sign(WebhookSecret.parse(secret), id, timestamp,
        body.getBytes(StandardCharsets.UTF_8)));
    return headers;
  }

  private ResponseEntity<String> post(String id, String body, HttpHeaders headers) {
    return http.postForEntity("/webhooks/vendors", new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers),
        String.class);
  }
}
