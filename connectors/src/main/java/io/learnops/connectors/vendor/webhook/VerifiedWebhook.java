package io.learnops.connectors.vendor.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A webhook whose signature and timestamp checked out. */
public record VerifiedWebhook(String id, Instant timestamp, byte[] body) {

  public VerifiedWebhook {
    body = body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
