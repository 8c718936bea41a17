package io.learnops.engine.state;

import io.learnops.engine.record.RecordValue.MessageValue;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A published message, buffered until its time to live runs out. */
public final class Message {
  public long key;
  public String name;
  public String correlationKey;
  public String messageId;
  public Map<String, Object> variables;
  public String tenantId;
  public long deadline;
  /** process instances it was correlated to: a message reaches an instance at most once */
  public Set<Long> correlatedInstances = new LinkedHashSet<>();
  /** bpmn process ids whose message start event it started */
  public Set<String> startedProcesses = new LinkedHashSet<>();

  public MessageValue toValue() {
    return new MessageValue(name, correlationKey, messageId, deadline, variables, tenantId);
  }
}
