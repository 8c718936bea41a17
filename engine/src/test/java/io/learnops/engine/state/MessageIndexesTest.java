package io.learnops.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.engine.processing.SnapshotCodec;
import org.junit.jupiter.api.Test;

/** Messages and subscriptions are found by what they match, not by scanning all of them. */
class MessageIndexesTest {

  private final EngineState state = new EngineState();

  @Test
  void bufferedMessagesAreFoundByNameAndCorrelationKeyOldestFirst() {
    final Message older = message("survey-returned", "cohort-1", null);
    final Message newer = message("survey-returned", "cohort-1", null);
    state.putMessage(message("survey-returned", "cohort-2", null));
    state.putMessage(message("other", "cohort-1", null));
    state.putMessage(older);
    state.putMessage(newer);

    assertThat(state.bufferedMessages("<default>", "survey-returned", "cohort-1")).containsExactly(older, newer);
    assertThat(state.bufferedMessages("tenant-b", "survey-returned", "cohort-1")).isEmpty();

    state.removeMessage(older);
    assertThat(state.bufferedMessages("<default>", "survey-returned", "cohort-1")).containsExactly(newer);
  }

  @Test
  void aMessageIdIsTakenWhileItsMessageIsBufferedOnly() {
    final Message message = message("hr-change", "emp-7", "evt-1");
    state.putMessage(message);

    assertThat(state.bufferedMessageWithId("<default>", "hr-change", "evt-1")).contains(message);
    assertThat(state.bufferedMessageWithId("<default>", "other", "evt-1")).isEmpty();

    state.removeMessage(message);
    assertThat(state.bufferedMessageWithId("<default>", "hr-change", "evt-1")).isEmpty();
  }

  @Test
  void subscriptionsAreFoundByNameAndCorrelationKey() {
    final Subscription waiting = subscription(Subscription.Kind.MESSAGE, "survey-returned", "cohort-1");
    state.putSubscription(waiting);
    state.putSubscription(subscription(Subscription.Kind.MESSAGE, "survey-returned", "cohort-2"));
    final Subscription signal = subscription(Subscription.Kind.SIGNAL, "survey-returned", null);
    state.putSubscription(signal);

    assertThat(state.subscriptions(Subscription.Kind.MESSAGE, "<default>", "survey-returned", "cohort-1"))
        .containsExactly(waiting);
    assertThat(state.subscriptions(Subscription.Kind.SIGNAL, "<default>", "survey-returned", null))
        .containsExactly(signal);

    state.removeSubscription(waiting);
    assertThat(state.subscriptions(Subscription.Kind.MESSAGE, "<default>", "survey-returned", "cohort-1")).isEmpty();
  }

  @Test
  void theIndexesAreRebuiltFromASnapshot() {
    state.putMessage(message("survey-returned", "cohort-1", "evt-1"));
    state.putSubscription(subscription(Subscription.Kind.MESSAGE, "survey-returned", "cohort-1"));
    final SnapshotCodec codec = new SnapshotCodec();

    final EngineState restored = codec.decodeState(1, codec.encodeState(state));

    assertThat(restored.bufferedMessages("<default>", "survey-returned", "cohort-1")).singleElement()
        .satisfies(m -> assertThat(m.messageId).isEqualTo("evt-1"));
    assertThat(restored.bufferedMessageWithId("<default>", "survey-returned", "evt-1")).isPresent();
    assertThat(restored.subscriptions(Subscription.Kind.MESSAGE, "<default>", "survey-returned", "cohort-1"))
        .hasSize(1);
  }

  private Message message(String name, String correlationKey, String messageId) {
    final Message message = new Message();
    message.key = state.nextKey();
    message.name = name;
    message.correlationKey = correlationKey;
    message.messageId = messageId;
    message.tenantId = "<default>";
    message.deadline = 1_000;
    return message;
  }

  private Subscription subscription(Subscription.Kind kind, String name, String correlationKey) {
    final Subscription subscription = new Subscription();
    subscription.key = state.nextKey();
    subscription.kind = kind;
    subscription.name = name;
    subscription.correlationKey = correlationKey;
    subscription.elementInstanceKey = subscription.key;
    subscription.tenantId = "<default>";
    return subscription;
  }
}
