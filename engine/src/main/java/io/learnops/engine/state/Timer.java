package io.learnops.engine.state;

import io.learnops.engine.record.RecordValue.TimerValue;

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

  public TimerValue toValue() {
    return new TimerValue(catchElementId, dueDate, repetitions, intervalMillis, elementInstanceKey, processInstanceKey,
        processDefinitionKey, tenantId);
  }

  static Timer of(long key, TimerValue value) {
    final Timer timer = new Timer();
    timer.key = key;
    timer.dueDate = value.dueDate();
    timer.elementInstanceKey = value.elementInstanceKey();
    timer.processDefinitionKey = value.processDefinitionKey();
    timer.processInstanceKey = value.processInstanceKey();
    timer.catchElementId = value.targetElementId();
    timer.repetitions = value.repetitions();
    timer.intervalMillis = value.intervalMillis();
    timer.tenantId = value.tenantId();
    return timer;
  }
}
