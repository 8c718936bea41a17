package io.learnops.sandbox.admin;

import java.util.Optional;

/**
 * How a switched-off stand-in answers: an HTTP status and, for 429 or 503, optionally a
 * {@code Retry-After} in seconds, so tests can show the clients honouring it.
 */
public record Outage(int status, Optional<Integer> retryAfterSeconds) {

  public Outage {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an outage answers with a 4xx or 5xx status");
    }
    if (retryAfterSeconds.filter(seconds -> seconds < 0).isPresent()) {
      throw new IllegalArgumentException("retryAfterSeconds must not be negative");
    }
  }

  public static Outage of(int status) {
    return new Outage(status, Optional.empty());
  }
}
