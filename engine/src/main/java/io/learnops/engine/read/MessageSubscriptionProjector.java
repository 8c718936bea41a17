package io.learnops.engine.read;

import io.learnops.engine.record.Intent.ProcessMessageSubscriptionIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.ProcessMessageSubscriptionValue;
import io.learnops.engine.record.ValueType;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Subscription;
import java.util.Map;
import java.util.Set;

/**
 * Message subscriptions and the messages correlated to them. A subscription is CREATED when an
 * element starts waiting, CORRELATED when a message reached it and it closed (a non-interrupting
 * one stays CREATED and may be reached again), and DELETED when its element instance ended
 * without the message. Correlations to message start events have no subscription and are not
 * listed.
 */
final class MessageSubscriptionProjector implements Projector {

  private final EntityStore<MessageSubscriptionEntry> store;
  private final EntityStore<CorrelatedMessageEntry> correlated;
  private final ReadKeys keys;

  MessageSubscriptionProjector(EntityStore<MessageSubscriptionEntry> store,
      EntityStore<CorrelatedMessageEntry> correlated, ReadKeys keys) {
    this.store = store;
    this.correlated = correlated;
    this.keys = keys;
  }

  @Override
  public Set<ValueType> valueTypes() {
    return Set.of(ValueType.PROCESS_MESSAGE_SUBSCRIPTION);
  }

  /** The state does not keep when a subscription opened: its element's start stands in. */
  @Override
  public void seed(EngineState state) {
    for (final Subscription s : state.subscriptions.values()) {
      final ElementInstance waiting = state.elementInstances.get(s.elementInstanceKey);
      if (s.kind == Subscription.Kind.MESSAGE && waiting != null) {
        open(s.key, s.toValue(waiting, -1, Map.of()), waiting.createdAt);
      }
    }
  }

  @Override
  public void project(Record<?> record) {
    final ProcessMessageSubscriptionValue s = (ProcessMessageSubscriptionValue) record.value();
    switch ((ProcessMessageSubscriptionIntent) record.intent()) {
      case CREATED -> open(record.key(), s, record.timestamp());
      case CORRELATED -> correlate(record, s);
      case DELETED -> store.update(record.key(), e -> e.in("DELETED", record.timestamp()));
    }
  }

  private void open(long key, ProcessMessageSubscriptionValue s, long at) {
    store.put(key, s.processInstanceKey(), new MessageSubscriptionEntry(key, s.messageName(), s.correlationKey(),
        "CREATED", at, s.elementId(), s.elementInstanceKey(), s.processInstanceKey(), s.processDefinitionKey(),
        s.bpmnProcessId(), s.tenantId()));
  }

  private void correlate(Record<?> record, ProcessMessageSubscriptionValue s) {
    if (s.interrupting()) {
      store.update(record.key(), e -> e.in("CORRELATED", record.timestamp()));
    }
    final long key = keys.next();
    correlated.put(key, s.processInstanceKey(), new CorrelatedMessageEntry(key, s.messageKey(), record.key(),
        s.messageName(), s.correlationKey(), record.timestamp(), s.elementId(), s.elementInstanceKey(),
        s.processInstanceKey(), s.processDefinitionKey(), s.bpmnProcessId(), s.tenantId()));
  }
}
