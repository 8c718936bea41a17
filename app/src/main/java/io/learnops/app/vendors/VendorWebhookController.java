package io.learnops.app.vendors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnops.connectors.vendor.webhook.StandardWebhookVerifier;
import io.learnops.connectors.vendor.webhook.VerifiedWebhook;
import io.learnops.connectors.vendor.webhook.WebhookReceipt;
import io.learnops.connectors.vendor.webhook.WebhookReceiver;
import io.learnops.connectors.vendor.webhook.WebhookSecret;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/vendors}: signed callbacks from training vendors (Standard Webhooks 1.0).
 * A bad or stale signature is refused (401/400) and changes nothing; a redelivered id is
 * acknowledged without being processed again; a known event type is handed to the process.
 */
@RestController
class VendorWebhookController {

  private static final Logger LOG = LoggerFactory.getLogger(VendorWebhookController.class);

  private final WebhookReceiver receiver;
  private final QuoteReceived quoteReceived;
  private final ObjectMapper json;

  VendorWebhookController(VendorWebhookProperties properties, JdbcWebhookIds processedIds, QuoteReceived quoteReceived,
      ObjectMapper json) {
    final StandardWebhookVerifier verifier = new StandardWebhookVerifier(
        properties.secrets().stream().map(WebhookSecret::parse).toList(), properties.tolerance(), Clock.systemUTC());
    this.receiver = new WebhookReceiver(verifier, processedIds, Clock.systemUTC());
    this.quoteReceived = quoteReceived;
    this.json = json;
  }

  @Operation(summary = "Receive a signed vendor callback (Standard Webhooks 1.0), e.g. quote.ready")
  @PostMapping("/webhooks/vendors")
  ResponseEntity<?> receive(@RequestHeader HttpHeaders headers, @RequestBody byte[] body) {
    final Map<String, String> webhookHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> webhookHeaders.put(name, values.isEmpty() ? "" : values.get(0)));
    final WebhookReceipt receipt = receiver.receive(webhookHeaders, body, this::handle);
    if (receipt instanceof WebhookReceipt.Refused refused) {
      LOG.warn("Refused a vendor webhook: {} ({})", refused.reason(), refused.detail());
      final ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(receipt.httpStatus()),
          refused.detail());
      problem.setTitle("Webhook refused: " + refused.reason());
      problem.setType(URI.create("about:blank"));
      return ResponseEntity.status(receipt.httpStatus()).body(problem);
    }
    return ResponseEntity.status(receipt.httpStatus()).build();
  }

  /** A signed event the app cannot use (not JSON, no quote request id) is the sender's mistake. */
  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail malformed(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  private void handle(VerifiedWebhook webhook) {
    final JsonNode event;
    try {
      event = json.readTree(webhook.body());
    } catch (IOException e) {
      throw new IllegalArgumentException("a vendor webhook body must be JSON", e);
    }
    final String type = event.path("type").asText("");
    if ("quote.ready".equals(type)) {
      quoteReceived.publish(webhook.id(), event.path("data"));
    } else {
      LOG.info("Ignored vendor webhook {} of type '{}'", webhook.id(), type);
    }
  }
}
