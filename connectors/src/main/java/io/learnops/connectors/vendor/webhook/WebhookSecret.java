package io.learnops.connectors.vendor.webhook;

import java.util.Base64;

/** A Standard Webhooks signing secret: {@code whsec_} followed by the base64 key. */
public final class WebhookSecret {

  private static final String PREFIX = "whsec_";
  private final byte[] key;

  private WebhookSecret(byte[] key) {
    if (key.length == 0) {
      throw new IllegalArgumentException("empty webhook secret");
    }
    this.key = key;
  }

  /** Parses {@code whsec_<base64>}; the prefix may be left out. */
  public static WebhookSecret parse(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("webhook secret must be set");
    }
    String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    try {
      return new WebhookSecret(Base64.getDecoder().decode(encoded.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("webhook secret is not whsec_<base64>", e);
    }
  }

  byte[] key() {
    return key.clone();
  }

  @Override
  public String toString() {
    return "WebhookSecret[***]";
  }
}
