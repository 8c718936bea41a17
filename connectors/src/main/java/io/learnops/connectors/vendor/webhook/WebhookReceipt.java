package io.learnops.connectors.vendor.webhook;

/** What a webhook endpoint answers: processed, already processed, or refused. */
public sealed interface WebhookReceipt {

  /** HTTP status for the sender: 2xx stops its retries. */
  int httpStatus();

  record Processed(String id) implements WebhookReceipt {
    @Override
    public int httpStatus() {
      return 204;
    }
  }

  /** A redelivery of an id already processed: acknowledged, not processed again. */
  record Duplicate(String id) implements WebhookReceipt {
    @Override
    public int httpStatus() {
      return 204;
    }
  }

  record Refused(WebhookVerification.Reason reason, String detail) implements WebhookReceipt {
    @Override
    public int httpStatus() {
      return reason == WebhookVerification.Reason.NO_VALID_SIGNATURE ? 401 : 400;
    }
  }
}
