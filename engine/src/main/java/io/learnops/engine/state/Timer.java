package io.learnops.engine.state;

/**
 * A scheduled trigger: of a timer catch event, of a timer boundary event (on the activity's
 * instance), or of a timer start event (no element instance, a process definition).
 */
public final class Timer {
  public long key;
  public long dueDate;
  /** -1 for a start-event timer */
  public long elementInstanceKey = -1;
  public long processDefinitionKey;
  public long processInstanceKey = -1;
  public String catchElementId;
  /** remaining repetitions of a cycle; -1 repeats forever, 1 fires once */
  public int repetitions = 1;
  public long intervalMillis;
  public String tenantId;
}
