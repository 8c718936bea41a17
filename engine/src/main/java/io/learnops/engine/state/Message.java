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
  /**
   * BPMN process ids it reached, at a catch event, receive task, boundary event or start event: a
   * message reaches each process at most once, across its versions and instances.
   */
  public Set<String> correlatedProcesses = new LinkedHashSet<>();

  static Message of(long key, MessageValue value) {
    final Message message = new Message();
    message.key = key;
    message.name = value.name();
    message.correlationKey = value.correlationKey();
    message.messageId = value.messageId();
    message.variables = value.variables();
    message.tenantId = value.tenantId();
    message.deadline = value.deadline();
    return message;
  }

  public MessageValue toValue() {
    return new MessageValue(name, correlationKey, messageId, deadline, variables, tenantId);
  }
}
