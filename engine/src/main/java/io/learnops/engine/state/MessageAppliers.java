package io.learnops.engine.state;

import io.learnops.engine.record.Intent.MessageIntent;
import io.learnops.engine.record.Intent.ProcessMessageSubscriptionIntent;
import io.learnops.engine.record.Intent.SignalSubscriptionIntent;
import io.learnops.engine.record.RecordValue.MessageValue;
import io.learnops.engine.record.RecordValue.ProcessMessageSubscriptionValue;
import io.learnops.engine.record.RecordValue.SignalSubscriptionValue;

/**
 * Messages and the waits for them in the state. A published message is buffered until it expires
 * (one published without a time to live expires at the end of its own command, after it
 * correlated); a claimed message remembers the process it reached, so that it reaches no other
 * instance of it. Subscriptions open with their waiting element and close when they correlate
 * (if interrupting) or are deleted.
 */
final class MessageAppliers {

  private final EngineState state;

  MessageAppliers(EngineState state) {
    this.state = state;
  }

  void registerIn(EventAppliers appliers) {
    appliers.<MessageValue>register(MessageIntent.PUBLISHED, (key, message, at) -> state.putMessage(Message.of(key, message)));
    appliers.<MessageValue>register(MessageIntent.EXPIRED, (key, message, at) -> {
      final Message buffered = state.messages.get(key);
      if (buffered != null) {
        state.removeMessage(buffered);
      }
    });
    appliers.<ProcessMessageSubscriptionValue>register(ProcessMessageSubscriptionIntent.CREATED,
        (key, subscription, at) -> state.putSubscription(Subscription.of(key, subscription)));
    appliers.<ProcessMessageSubscriptionValue>register(ProcessMessageSubscriptionIntent.CORRELATING,
        (key, subscription, at) -> {
          final Message message = state.messages.get(subscription.messageKey());
          if (message != null) {
            message.correlatedProcesses.add(subscription.bpmnProcessId());
          }
        });
    appliers.<ProcessMessageSubscriptionValue>register(ProcessMessageSubscriptionIntent.CORRELATED,
        (key, subscription, at) -> {
          if (subscription.interrupting()) {
            close(key);
          }
        });
    appliers.<ProcessMessageSubscriptionValue>register(ProcessMessageSubscriptionIntent.DELETED, (key, s, at) -> close(key));
    appliers.<SignalSubscriptionValue>register(SignalSubscriptionIntent.CREATED,
        (key, subscription, at) -> state.putSubscription(Subscription.of(key, subscription)));
    appliers.<SignalSubscriptionValue>register(SignalSubscriptionIntent.DELETED, (key, s, at) -> close(key));
  }

  private void close(long key) {
    final Subscription subscription = state.subscriptions.get(key);
    if (subscription != null) {
      state.removeSubscription(subscription);
    }
  }
}
