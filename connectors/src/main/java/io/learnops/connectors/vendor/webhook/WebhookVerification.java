package io.learnops.connectors.vendor.webhook;

/** Outcome of checking a webhook's headers and signature, as a value rather than an exception. */
public sealed interface WebhookVerification {

  /** Why a webhook was refused; a receiver answers 400 (or 401 for a bad signature). */
  enum Reason {
    MISSING_HEADER,
    BAD_TIMESTAMP,
    TIMESTAMP_TOO_OLD,
    TIMESTAMP_IN_FUTURE,
    NO_VALID_SIGNATURE
  }

  record Verified(VerifiedWebhook webhook) implements WebhookVerification {
  }

  record Rejected(Reason reason, String detail) implements WebhookVerification {
  }
}
