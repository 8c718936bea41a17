package io.learnops.connectors.hris.events;

import java.util.List;

/** Outcome of receiving an HR change webhook. */
public sealed interface HrWebhookResult {

  enum Reason {
    MISSING_HEADER,
    BAD_TIMESTAMP,
    TIMESTAMP_OUTSIDE_TOLERANCE,
    BAD_SIGNATURE,
    MALFORMED_PAYLOAD
  }

  /**
   * @param deliveryId the signature, usable as idempotency key: a replayed delivery repeats it
   * @param events the changes LearnOps cares about; other field changes are left out
   */
  record Accepted(String deliveryId, List<HrChangeEvent> events) implements HrWebhookResult {
    public Accepted {
      events = List.copyOf(events);
    }
  }

  record Refused(Reason reason, String detail) implements HrWebhookResult {
    /** 401 for a bad signature, 400 otherwise. */
    public int httpStatus() {
      return reason == Reason.BAD_SIGNATURE ? 401 : 400;
    }
  }
}
