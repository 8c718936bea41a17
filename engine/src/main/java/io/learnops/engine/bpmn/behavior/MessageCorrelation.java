package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.state.Subscription;
import java.util.Map;

/**
 * Delivers a message or signal to a subscription. Given to {@link
 * EventSubscriptions#correlateBufferedMessage} by the element that opened the subscription: the
 * subscriptions cannot know what the event does there, and what it does needs the subscriptions.
 */
@FunctionalInterface
public interface MessageCorrelation {

  /** @param messageKey the message's key; -1 for a signal */
  void correlate(Subscription subscription, long messageKey, Map<String, Object> eventVariables);
}
