package io.learnops.connectors.vendor.webhook;

import io.learnops.connectors.vendor.webhook.WebhookVerification.Reason;
import io.learnops.connectors.vendor.webhook.WebhookVerification.Rejected;
import io.learnops.connectors.vendor.webhook.WebhookVerification.Verified;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Standard Webhooks 1.0 signatures.
 *
 * <p>The signed content is {@code webhook-id + "." + webhook-timestamp + "." + body}; the
 * {@code webhook-signature} header holds space-separated {@code v1,<base64 HMAC-SHA256>} entries.
 * A webhook is accepted when any entry matches under any configured secret, so a secret can be
 * rotated by configuring the new one next to the old one until the sender has switched. Other
 * signature versions (e.g. {@code v1a}) are ignored. The timestamp must lie within the tolerance
 * of the injected clock, in both directions, which bounds replays.
 */
public final class StandardWebhookVerifier {

  public static final String ID = "webhook-id";
  public static final String TIMESTAMP = "webhook-timestamp";
  public static final String SIGNATURE = "webhook-signature";
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private final List<WebhookSecret> secrets;
  private final Duration tolerance;
  private final Clock clock;

  public StandardWebhookVerifier(List<WebhookSecret> secrets, Duration tolerance, Clock clock) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one secret is needed");
    }
    this.secrets = List.copyOf(secrets);
    this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param headers the request headers; names are matched case-insensitively
   * @param body the raw request body, exactly as received
   */
  public WebhookVerification verify(Map<String, String> headers, byte[] body) {
    Optional<String> id = header(headers, ID);
    Optional<String> timestamp = header(headers, TIMESTAMP);
    Optional<String> signatures = header(headers, SIGNATURE);
    if (id.isEmpty() || timestamp.isEmpty() || signatures.isEmpty()) {
      return new Rejected(Reason.MISSING_HEADER, "webhook-id, webhook-timestamp and "
          + "webhook-signature are required");
    }
    Instant sentAt;
    try {
      sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp.get().trim()));
    } catch (NumberFormatException e) {
      return new Rejected(Reason.BAD_TIMESTAMP, "webhook-timestamp is not Unix seconds");
    }
    Instant now = clock.instant();
    if (sentAt.isBefore(now.minus(tolerance))) {
      return new Rejected(Reason.TIMESTAMP_TOO_OLD, "sent at " + sentAt);
    }
    if (sentAt.isAfter(now.plus(tolerance))) {
      return new Rejected(Reason.TIMESTAMP_IN_FUTURE, "sent at " + sentAt);
    }
    byte[] signed = signedContent(id.get(), timestamp.get().trim(), body);
    for (WebhookSecret secret : secrets) {
      byte[] expected = hmac(secret, signed);
      for (String entry : signatures.get().trim().split("\\s+")) {
        if (matches(entry, expected)) {
          return new Verified(new VerifiedWebhook(id.get(), sentAt, body));
        }
      }
    }
    return new Rejected(Reason.NO_VALID_SIGNATURE, "no v1 signature matches");
  }

  /** The {@code webhook-signature} value for a message: what a sender (or a test) puts there. */
  public static String sign(WebhookSecret secret, String id, long timestamp, byte[] body) {
    return "v1," + Base64.getEncoder().encodeToString(
        hmac(secret, signedContent(id, Long.toString(timestamp), body)));
  }

  private static boolean matches(String entry, byte[] expected) {
    int comma = entry.indexOf(',');
    if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
      return false;
    }
    try {
      byte[] given = Base64.getDecoder().decode(entry.substring(comma + 1));
      return MessageDigest.isEqual(given, expected);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  private static byte[] signedContent(String id, String timestamp, byte[] body) {
    byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, content, 0, prefix.length);
    System.arraycopy(body, 0, content, prefix.length, body.length);
    return content;
  }

  private static byte[] hmac(WebhookSecret secret, byte[] content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
      return mac.doFinal(content);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static Optional<String> header(Map<String, String> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name))
        .map(Map.Entry::getValue)
        .filter(v -> v != null && !v.isBlank())
        .findFirst();
  }
}
