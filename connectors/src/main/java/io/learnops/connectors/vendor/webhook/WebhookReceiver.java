package io.learnops.connectors.vendor.webhook;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Verifies a webhook, makes sure each {@code webhook-id} is processed once, and hands it to a
 * handler. If the handler throws, the id is released and the exception propagates: the endpoint
 * answers 5xx and the sender's retry is processed.
 */
public final class WebhookReceiver {

  private final StandardWebhookVerifier verifier;
  private final IdempotencyStore store;
  private final Clock clock;

  public WebhookReceiver(StandardWebhookVerifier verifier, IdempotencyStore store, Clock clock) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public WebhookReceipt receive(Map<String, String> headers, byte[] body,
      Consumer<VerifiedWebhook> handler) {
    WebhookVerification verification = verifier.verify(headers, body);
    if (verification instanceof WebhookVerification.Verified verified) {
      return process(verified.webhook(), handler);
    }
    WebhookVerification.Rejected rejected = (WebhookVerification.Rejected) verification;
    return new WebhookReceipt.Refused(rejected.reason(), rejected.detail());
  }

  private WebhookReceipt process(VerifiedWebhook webhook, Consumer<VerifiedWebhook> handler) {
    if (!store.claim(webhook.id(), clock.instant())) {
      return new WebhookReceipt.Duplicate(webhook.id());
    }
    try {
      handler.accept(webhook);
    } catch (RuntimeException e) {
      store.release(webhook.id());
      throw e;
    }
    return new WebhookReceipt.Processed(webhook.id());
  }
}
