package io.learnops.connectors.vendor.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link IdempotencyStore} for one process: ids are kept for {@code retention}, which should
 * cover the sender's whole retry schedule (Standard Webhooks senders retry for hours or days).
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

  private final Duration retention;
  private final Map<String, Instant> claimed = new ConcurrentHashMap<>();

  public InMemoryIdempotencyStore(Duration retention) {
    this.retention = Objects.requireNonNull(retention, "retention");
  }

  @Override
  public boolean claim(String id, Instant now) {
    claimed.values().removeIf(at -> at.plus(retention).isBefore(now));
    return claimed.putIfAbsent(id, now) == null;
  }

  @Override
  public void release(String id) {
    claimed.remove(id);
  }

  int size() {
    return claimed.size();
  }
}
