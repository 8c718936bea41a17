package io.learnops.engine.state;

import io.learnops.engine.record.RecordValue.ProcessMessageSubscriptionValue;
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
