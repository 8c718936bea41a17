package io.learnops.engine.state;

import io.learnops.engine.record.RecordValue.ProcessMessageSubscriptionValue;
import io.learnops.engine.record.RecordValue.SignalSubscriptionValue;
import java.util.Map;

/**
 * An open wait for a message or signal by an element instance: an intermediate catch event, a
 * receive task, or a boundary event on an active activity.
 */
public final class Subscription {
  public enum Kind {
    MESSAGE,
    SIGNAL
  }

  public long key;
  public Kind kind;
  public String name;
  public String correlationKey;
  /** the element instance that waits (the activity, for a boundary event) */
  public long elementInstanceKey;
  /** the catching element: the catch event itself or the boundary event */
  public String catchElementId;
  public long processInstanceKey;
  public String tenantId;
  public boolean interrupting;

  static Subscription of(long key, ProcessMessageSubscriptionValue value) {
    final Subscription subscription = waitingOn(key, value.elementInstanceKey(), value.elementId(),
        value.processInstanceKey(), value.tenantId(), value.interrupting());
    subscription.kind = Kind.MESSAGE;
    subscription.name = value.messageName();
    subscription.correlationKey = value.correlationKey();
    return subscription;
  }

  static Subscription of(long key, SignalSubscriptionValue value) {
    final Subscription subscription = waitingOn(key, value.elementInstanceKey(), value.catchElementId(),
        value.processInstanceKey(), value.tenantId(), value.interrupting());
    subscription.kind = Kind.SIGNAL;
    subscription.name = value.signalName();
    return subscription;
  }

  private static Subscription waitingOn(long key, long elementInstanceKey, String catchElementId,
      long processInstanceKey, String tenantId, boolean interrupting) {
    final Subscription subscription = new Subscription();
    subscription.key = key;
    subscription.elementInstanceKey = elementInstanceKey;
    subscription.catchElementId = catchElementId;
    subscription.processInstanceKey = processInstanceKey;
    subscription.tenantId = tenantId;
    subscription.interrupting = interrupting;
    return subscription;
  }

  /** A signal subscription as a record value; the waiting instance adds what the subscription does not keep. */
  public SignalSubscriptionValue toSignalValue(ElementInstance waiting) {
    return new SignalSubscriptionValue(name, catchElementId, elementInstanceKey, processInstanceKey,
        waiting.processDefinitionKey, waiting.bpmnProcessId, interrupting, tenantId);
  }

  /**
   * A message subscription as a record value; the waiting instance adds what the subscription
   * does not keep.
   */
  public ProcessMessageSubscriptionValue toValue(ElementInstance waiting, long messageKey, Map<String, Object> variables) {
    return new ProcessMessageSubscriptionValue(name, correlationKey, catchElementId, elementInstanceKey,
        processInstanceKey, waiting.processDefinitionKey, waiting.bpmnProcessId, interrupting, messageKey, variables,
        tenantId);
  }
}
