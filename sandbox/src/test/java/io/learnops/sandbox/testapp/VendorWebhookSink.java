package io.learnops.sandbox.testapp;

import io.learnops.connectors.vendor.webhook.InMemoryIdempotencyStore;
import io.learnops.connectors.vendor.webhook.StandardWebhookVerifier;
import io.learnops.connectors.vendor.webhook.VerifiedWebhook;
import io.learnops.connectors.vendor.webhook.WebhookReceipt;
import io.learnops.connectors.vendor.webhook.WebhookReceiver;
import io.learnops.connectors.vendor.webhook.WebhookSecret;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The receiving end of the vendors' callbacks, as the app will have it: the connectors'
 * {@link WebhookReceiver} verifies signature and timestamp and drops duplicates; verified
 * deliveries are queued for the test to take.
 */
@RestController
public class VendorWebhookSink {

  public static final String PATH = "/test/webhooks/vendor";
  public static final String SECRET = "whsec_c2FuZGJveC12ZW5kb3Itd2ViaG9vay1zZWNyZXQ=";

  private final BlockingQueue<VerifiedWebhook> received = new LinkedBlockingQueue<>();
  private final WebhookReceiver receiver = new WebhookReceiver(
      new StandardWebhookVerifier(List.of(WebhookSecret.parse(SECRET)),
          StandardWebhookVerifier.DEFAULT_TOLERANCE, Clock.systemUTC()),
      new InMemoryIdempotencyStore(Duration.ofHours(1)), Clock.systemUTC());

  @PostMapping(PATH)
  public ResponseEntity<Void> receive(@RequestHeader Map<String, String> headers,
      @RequestBody byte[] body) {
    WebhookReceipt receipt = receiver.receive(headers, body, received::add);
    return ResponseEntity.status(receipt.httpStatus()).build();
  }

  public BlockingQueue<VerifiedWebhook> received() {
    return received;
  }
}
