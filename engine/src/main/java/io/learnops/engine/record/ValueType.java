package io.learnops.engine.record;

/**
 * What a record is about, as Zeebe names its value types. Each value type has its own intents
 * ({@link Intent}) and its own value ({@link RecordValue}).
 */
public enum ValueType {
  DEPLOYMENT,
  PROCESS,
  DECISION_REQUIREMENTS,
  DECISION,
  FORM,
  PROCESS_INSTANCE,
  VARIABLE,
  VARIABLE_DOCUMENT,
  JOB,
  USER_TASK,
  INCIDENT,
  MESSAGE,
  PROCESS_MESSAGE_SUBSCRIPTION,
  TIMER,
  SIGNAL,
  ESCALATION,
  DECISION_EVALUATION
}
