package io.learnops.engine.state;

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
}
