package io.learnops.connectors.vendor.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

  private static final WebhookSecret SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  private static final Instant NOW = Instant.ofEpochSecond(1_772_442_000L);
  private static final byte[] BODY = "{\"type\":\"quote.submitted\"}".getBytes(StandardCharsets.UTF_8);

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore(Duration.ofDays(3));
  private final WebhookReceiver receiver = new WebhookReceiver(
      new StandardWebhookVerifier(List.of(SECRET), Duration.ofMinutes(5), clock), store, clock);
  private final List<String> handled = new ArrayList<>();

  private static Map<String, String> signed(String id) {
    long at = NOW.getEpochSecond();
    return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(at),
        "webhook-signature", StandardWebhookVerifier.sign(SECRET, id, at, BODY));
  }

  @Test
  void a_valid_webhook_is_processed_once_and_acknowledged() {
    WebhookReceipt receipt = receiver.receive(signed("msg_1"), BODY, w -> handled.add(w.id()));

    assertThat(receipt).isEqualTo(new WebhookReceipt.Processed("msg_1"));
    assertThat(receipt.httpStatus()).isEqualTo(204);
    assertThat(handled).containsExactly("msg_1");
  }

  @Test
  void a_redelivered_id_is_acknowledged_without_processing_it_again() {
    receiver.receive(signed("msg_1"), BODY, w -> handled.add(w.id()));

    WebhookReceipt again = receiver.receive(signed("msg_1"), BODY, w -> handled.add(w.id()));

    assertThat(again).isEqualTo(new WebhookReceipt.Duplicate("msg_1"));
    assertThat(again.httpStatus()).isEqualTo(204);
    assertThat(handled).containsExactly("msg_1");
  }

  @Test
  void a_forged_webhook_is_refused_with_401_and_does_not_use_up_its_id() {
    Map<String, String> forged = Map.of("webhook-id", "msg_1",
        "webhook-timestamp", Long.toString(NOW.getEpochSecond()),
        "webhook-signature", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

    WebhookReceipt refused = receiver.receive(forged, BODY, w -> handled.add(w.id()));
    WebhookReceipt genuine = receiver.receive(signed("msg_1"), BODY, w -> handled.add(w.id()));

    assertThat(refused.httpStatus()).isEqualTo(401);
    assertThat(genuine).isInstanceOf(WebhookReceipt.Processed.class);
    assertThat(handled).containsExactly("msg_1");
  }

  @Test
  void when_the_handler_fails_the_next_delivery_is_processed() {
    assertThatThrownBy(() -> receiver.receive(signed("msg_1"), BODY, w -> {
      throw new IllegalStateException("database down");
    })).isInstanceOf(IllegalStateException.class);

    WebhookReceipt retry = receiver.receive(signed("msg_1"), BODY, w -> handled.add(w.id()));

    assertThat(retry).isInstanceOf(WebhookReceipt.Processed.class);
    assertThat(handled).containsExactly("msg_1");
  }

  @Test
  void ids_are_forgotten_after_the_retention() {
    store.claim("msg_old", NOW.minus(Duration.ofDays(4)));

    boolean claimed = store.claim("msg_new", NOW);

    assertThat(claimed).isTrue();
    assertThat(store.claim("msg_old", NOW)).isTrue();
    assertThat(store.size()).isEqualTo(2);
  }
}
