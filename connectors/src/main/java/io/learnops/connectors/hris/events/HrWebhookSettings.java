package io.learnops.connectors.hris.events;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the HRIS signs its change webhooks. Defaults follow BambooHR: header
 * {@code X-BambooHR-Timestamp}, header {@code X-BambooHR-Signature} holding the hex
 * HMAC-SHA256 of the raw body followed by the timestamp, keyed with the webhook's private key.
 *
 * @param privateKeys the current key and, during a rotation, the previous one
 */
public record HrWebhookSettings(List<String> privateKeys, String signatureHeader,
    String timestampHeader, Duration tolerance) {

  public HrWebhookSettings {
    privateKeys = List.copyOf(privateKeys);
    if (privateKeys.isEmpty() || privateKeys.stream().anyMatch(k -> k == null || k.isBlank())) {
      throw new IllegalArgumentException("at least one non-blank private key is needed");
    }
    Objects.requireNonNull(signatureHeader, "signatureHeader");
    Objects.requireNonNull(timestampHeader, "timestampHeader");
    Objects.requireNonNull(tolerance, "tolerance");
  }

  public static HrWebhookSettings bambooHr(String privateKey) {
    return new HrWebhookSettings(List.of(privateKey), "X-BambooHR-Signature",
        "X-BambooHR-Timestamp", Duration.ofMinutes(5));
  }

  @Override
  public String toString() {
    return "HrWebhookSettings[privateKeys=***, signatureHeader=" + signatureHeader
        + ", timestampHeader=" + timestampHeader + ", tolerance=" + tolerance + "]";
  }
}
