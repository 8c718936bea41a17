package io.learnops.app.vendors;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A vendor's {@code quote.ready} callback becomes the message {@code learnops.vendor.quote-received}
 * that the design stage's vendor branch waits for, correlated by the quote request id. It is
 * published with a time to live, not correlated at once: the vendor may answer before the
 * process has opened its wait (the RFQ job completes after the vendor received the request).
 * The webhook id becomes the message id, so a redelivery is not published twice.
 */
@Component
class QuoteReceived {

  static final String MESSAGE = "learnops.vendor.quote-received";

  private final CamundaClient client;
  private final Duration timeToLive;

  QuoteReceived(CamundaClient client, VendorWebhookProperties properties) {
    this.client = client;
    this.timeToLive = properties.quoteTimeToLive();
  }

  void publish(String webhookId, JsonNode data) {
    final String quoteRequestId = data.path("quoteRequestId").asText("");
    if (quoteRequestId.isBlank()) {
      throw new IllegalArgumentException("a quote.ready webhook needs data.quoteRequestId");
    }
    final Map<String, Object> quote = new LinkedHashMap<>();
    quote.put("vendorId", data.path("vendorId").asText());
    quote.put("vendorName", data.path("vendorName").asText(data.path("vendorId").asText()));
    quote.put("quoteId", data.path("quoteId").asText());
    quote.put("amount", new BigDecimal(data.path("total").path("amount").asText("0")));
    quote.put("currency", data.path("total").path("currency").asText());
    quote.put("validUntil", data.path("validUntil").asText(null));
    client.newPublishMessageCommand()
        .messageName(MESSAGE)
        .correlationKey(quoteRequestId)
        .messageId(webhookId)
        .timeToLive(timeToLive)
        .variables(Map.of("quote", quote))
        .send()
        .join();
  }
}
