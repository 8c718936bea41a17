package io.learnops.connectors.vendor.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.connectors.vendor.webhook.WebhookVerification.Reason;
import io.learnops.connectors.vendor.webhook.WebhookVerification.Rejected;
import io.learnops.connectors.vendor.webhook.WebhookVerification.Verified;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardWebhookVerifierTest {

  private static final WebhookSecret OLD = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  private static final WebhookSecret NEW = WebhookSecret.parse("whsec_c2VjcmV0LWFmdGVyLXJvdGF0aW9uLTIwMjY=");
  private static final long NOW = 1_772_442_000L;
  private static final byte[] BODY =
      "{\"type\":\"purchase_order.confirmed\",\"data\":{\"id\":\"po-1\"}}"
          .getBytes(StandardCharsets.UTF_8);

  private static StandardWebhookVerifier verifier(List<WebhookSecret> secrets) {
    return new StandardWebhookVerifier(secrets, Duration.ofMinutes(5),
        Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
  }

  private static Map<String, String> headers(String id, long timestamp, String signature) {
    return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp),
        "webhook-signature", signature);
  }

  @Test
  void the_reference_example_of_the_specification_verifies() {
    byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    StandardWebhookVerifier atThatTime = new StandardWebhookVerifier(List.of(OLD),
        Duration.ofMinutes(5), Clock.fixed(Instant.ofEpochSecond(1614265330), ZoneOffset.UTC));

    WebhookVerification result = atThatTime.verify(headers("msg_p5jXN8AQM9LWM0D4loKWxJek",
        1614265330, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="), body);

    assertThat(result).isInstanceOf(Verified.class);
  }

  @Test
  void a_correctly_signed_fresh_webhook_is_verified_with_its_id_and_time() {
    String signature = StandardWebhookVerifier.sign(OLD, "msg_1", NOW - 30, BODY);

    WebhookVerification result = verifier(List.of(OLD))
        .verify(headers("msg_1", NOW - 30, signature), BODY);

    assertThat(result).isInstanceOfSatisfying(Verified.class, verified -> {
      assertThat(verified.webhook().id()).isEqualTo("msg_1");
      assertThat(verified.webhook().timestamp()).isEqualTo(Instant.ofEpochSecond(NOW - 30));
      assertThat(verified.webhook().bodyText()).contains("purchase_order.confirmed");
    });
  }

  @Test
  void header_names_are_matched_regardless_of_case() {
    String signature = StandardWebhookVerifier.sign(OLD, "msg_1", NOW, BODY);

    WebhookVerification result = verifier(List.of(OLD)).verify(Map.of("Webhook-Id", "msg_1",
        "Webhook-Timestamp", Long.toString(NOW), "Webhook-Signature", signature), BODY);

    assertThat(result).isInstanceOf(Verified.class);
  }

  @Test
  void a_tampered_body_is_refused() {
    String signature = StandardWebhookVerifier.sign(OLD, "msg_1", NOW, BODY);
    byte[] tampered = "{\"type\":\"purchase_order.cancelled\"}".getBytes(StandardCharsets.UTF_8);

    WebhookVerification result = verifier(List.of(OLD))
        .verify(headers("msg_1", NOW, signature), tampered);

    assertThat(result).isInstanceOfSatisfying(Rejected.class,
        rejected -> assertThat(rejected.reason()).isEqualTo(Reason.NO_VALID_SIGNATURE));
  }

  @Test
  void a_signature_copied_onto_another_id_is_refused() {
    String signature = StandardWebhookVerifier.sign(OLD, "msg_1", NOW, BODY);

    WebhookVerification result = verifier(List.of(OLD))
        .verify(headers("msg_2", NOW, signature), BODY);

    assertThat(result).isInstanceOf(Rejected.class);
  }

  @Test
  void a_webhook_older_than_five_minutes_is_refused_even_if_correctly_signed() {
    long stale = NOW - 301;
    String signature = StandardWebhookVerifier.sign(OLD, "msg_1", stale, BODY);

    WebhookVerification result = verifier(List.of(OLD))
        .verify(headers("msg_1", stale, signature), BODY);

    assertThat(result).isInstanceOfSatisfying(Rejected.class,
        rejected -> assertThat(rejected.reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD));
  }

  @Test
  void a_webhook_dated_more_than_five_minutes_ahead_is_refused() {
    long future = NOW + 301;
    String signature = StandardWebhookVerifier.sign(OLD, "msg_1", future, BODY);

    WebhookVerification result = verifier(List.of(OLD))
        .verify(headers("msg_1", future, signature), BODY);

    assertThat(result).isInstanceOfSatisfying(Rejected.class,
        rejected -> assertThat(rejected.reason()).isEqualTo(Reason.TIMESTAMP_IN_FUTURE));
  }

  @Test
  void exactly_at_the_tolerance_edge_the_webhook_is_still_accepted() {
    String signature = StandardWebhookVerifier.sign(OLD, "msg_1", NOW - 300, BODY);

    assertThat(verifier(List.of(OLD)).verify(headers("msg_1", NOW - 300, signature), BODY))
        .isInstanceOf(Verified.class);
  }

  @Test
  void during_rotation_a_webhook_signed_with_either_secret_is_accepted() {
    StandardWebhookVerifier rotating = verifier(List.of(NEW, OLD));
    String oldSignature = StandardWebhookVerifier.sign(OLD, "msg_1", NOW, BODY);
    String newSignature = StandardWebhookVerifier.sign(NEW, "msg_2", NOW, BODY);

    assertThat(rotating.verify(headers("msg_1", NOW, oldSignature), BODY))
        .isInstanceOf(Verified.class);
    assertThat(rotating.verify(headers("msg_2", NOW, newSignature), BODY))
        .isInstanceOf(Verified.class);
  }

  @Test
  void a_sender_signing_with_both_secrets_passes_once_only_the_new_secret_is_configured() {
    String both = "v1a,bm90LWEtdjEtc2lnbmF0dXJl "
        + StandardWebhookVerifier.sign(OLD, "msg_1", NOW, BODY) + " "
        + StandardWebhookVerifier.sign(NEW, "msg_1", NOW, BODY);

    assertThat(verifier(List.of(NEW)).verify(headers("msg_1", NOW, both), BODY))
        .isInstanceOf(Verified.class);
  }

  @Test
  void after_rotation_the_retired_secret_no_longer_verifies() {
    String oldSignature = StandardWebhookVerifier.sign(OLD, "msg_1", NOW, BODY);

    assertThat(verifier(List.of(NEW)).verify(headers("msg_1", NOW, oldSignature), BODY))
        .isInstanceOf(Rejected.class);
  }

  @Test
  void missing_headers_and_garbage_timestamps_are_refused() {
    StandardWebhookVerifier verifier = verifier(List.of(OLD));

    assertThat(verifier.verify(Map.of("webhook-id", "msg_1"), BODY))
        .isInstanceOfSatisfying(Rejected.class,
            rejected -> assertThat(rejected.reason()).isEqualTo(Reason.MISSING_HEADER));
    assertThat(verifier.verify(Map.of("webhook-id", "msg_1", "webhook-timestamp", "soon",
        "webhook-signature", "v1,AAAA"), BODY))
        .isInstanceOfSatisfying(Rejected.class,
            rejected -> assertThat(rejected.reason()).isEqualTo(Reason.BAD_TIMESTAMP));
  }

  @Test
  void a_signature_that_is_not_base64_is_refused_without_error() {
    assertThat(verifier(List.of(OLD)).verify(headers("msg_1", NOW, "v1,***not base64***"), BODY))
        .isInstanceOfSatisfying(Rejected.class,
            rejected -> assertThat(rejected.reason()).isEqualTo(Reason.NO_VALID_SIGNATURE));
  }
}
