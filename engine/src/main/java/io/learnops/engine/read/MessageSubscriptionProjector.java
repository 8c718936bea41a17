package io.learnops.engine.read;

import io.learnops.engine.bpmn.EngineEvent;
import io.learnops.engine.state.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Message subscriptions and the messages correlated to them. A subscription is CREATED when an
 * element starts waiting, CORRELATED when a message reached it and it closed, and DELETED when its
 * element instance ended without the message. Correlations to message start events have no
 * subscription and are not listed.
 */
final class MessageSubscriptionProjector implements Projector {

  private final EntityStore<MessageSubscriptionEntry> store;
  private final EntityStore<CorrelatedMessageEntry> correlated;
  private final ReadKeys keys;
  /** element instance → its subscriptions not yet closed; processing thread only */
  private final Map<Long, List<Long>> openByElement = new HashMap<>();

  MessageSubscriptionProjector(EntityStore<MessageSubscriptionEntry> store,
      EntityStore<CorrelatedMessageEntry> correlated, ReadKeys keys) {
    this.store = store;
    this.correlated = correlated;
    this.keys = keys;
  }

  @Override
  public Set<String> valueTypes() {
    return Set.of("PROCESS_MESSAGE_SUBSCRIPTION", "MESSAGE", "PROCESS_INSTANCE");
  }

  @Override
  public void seed(Lookup lookup) {
    openByElement.clear();
    lookup.state().subscriptions.values().stream()
        .filter(s -> s.kind == Subscription.Kind.MESSAGE)
        .forEach(s -> open(s, lookup, -1));
  }

  @Override
  public void project(EngineEvent event, Lookup lookup) {
    switch (event.valueType()) {
      case "PROCESS_MESSAGE_SUBSCRIPTION" -> {
        final Subscription subscription = lookup.state().subscriptions.get(event.key());
        if (subscription != null && "CREATED".equals(event.intent())) {
          open(subscription, lookup, event.timestamp());
        }
      }
      case "MESSAGE" -> {
        if ("CORRELATED".equals(event.intent())) {
          correlate(event, lookup);
        }
      }
      default -> {
        if ("ELEMENT_COMPLETED".equals(event.intent()) || "ELEMENT_TERMINATED".equals(event.intent())) {
          close(event);
        }
      }
    }
  }

  /** @param at when it opened; -1 when seeded, as the state does not keep it: its element's start then */
  private void open(Subscription s, Lookup lookup, long at) {
    lookup.instance(s.elementInstanceKey).ifPresent(waiting -> {
      store.put(s.key, waiting.processInstanceKey, new MessageSubscriptionEntry(s.key, s.name, s.correlationKey,
          "CREATED", at < 0 ? waiting.createdAt : at, s.catchElementId, waiting.key, waiting.processInstanceKey, waiting.processDefinitionKey,
          waiting.bpmnProcessId, s.tenantId));
      openByElement.computeIfAbsent(waiting.key, k -> new ArrayList<>()).add(s.key);
    });
  }

  /** The event names the instance and catching element; the open subscription among them is the one. */
  private void correlate(EngineEvent event, Lookup lookup) {
    store.keysOf(event.processInstanceKey()).stream()
        .map(store::get)
        .flatMap(Optional::stream)
        .filter(s -> "CREATED".equals(s.state()) && s.messageName().equals(event.elementType())
            && s.elementId().equals(event.elementId()))
        .findFirst()
        .ifPresent(s -> {
          final boolean stillWaiting = lookup.state().subscriptions.containsKey(s.key()); // non-interrupting
          if (!stillWaiting) {
            store.update(s.key(), e -> e.in("CORRELATED", event.timestamp()));
            forget(s.elementInstanceKey(), s.key());
          }
          final long key = keys.next();
          correlated.put(key, s.processInstanceKey(), new CorrelatedMessageEntry(key, event.key(), s.key(),
              s.messageName(), s.correlationKey(), event.timestamp(), s.elementId(), s.elementInstanceKey(),
              s.processInstanceKey(), s.processDefinitionKey(), s.processDefinitionId(), s.tenantId()));
        });
  }

  private void close(EngineEvent event) {
    final List<Long> open = openByElement.remove(event.key());
    if (open != null) {
      open.forEach(key -> store.update(key, e -> "CREATED".equals(e.state()) ? e.in("DELETED", event.timestamp()) : e));
    }
  }

  private void forget(long elementInstanceKey, long subscriptionKey) {
    final List<Long> open = openByElement.get(elementInstanceKey);
    if (open != null) {
      open.remove(subscriptionKey);
    }
  }
}
