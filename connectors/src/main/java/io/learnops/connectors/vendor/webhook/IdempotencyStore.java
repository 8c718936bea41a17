package io.learnops.connectors.vendor.webhook;

import java.time.Instant;

/**
 * Remembers which webhook ids were processed, so a redelivery (same {@code webhook-id}) is
 * acknowledged without being processed twice. A production store is shared by all app nodes
 * (e.g. a table with a unique key on the id).
 */
public interface IdempotencyStore {

  /** Atomically claims {@code id}; false when it is already claimed and not yet expired. */
  boolean claim(String id, Instant now);

  /** Gives a claim back after processing failed, so the sender's next attempt is processed. */
  void release(String id);
}
