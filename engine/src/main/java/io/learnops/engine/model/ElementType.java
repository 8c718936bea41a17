package io.learnops.engine.model;

/** The BPMN element types the engine executes, named as Zeebe names them in its records. */
public enum ElementType {
  PROCESS,
  START_EVENT,
  END_EVENT,
  INTERMEDIATE_CATCH_EVENT,
  INTERMEDIATE_THROW_EVENT,
  BOUNDARY_EVENT,
  SERVICE_TASK,
  SEND_TASK,
  SCRIPT_TASK,
  BUSINESS_RULE_TASK,
  RECEIVE_TASK,
  USER_TASK,
  TASK,
  MANUAL_TASK,
  SUB_PROCESS,
  EVENT_SUB_PROCESS,
  CALL_ACTIVITY,
  /** the instance that holds the inner instances of a multi-instance activity */
  MULTI_INSTANCE_BODY,
  EXCLUSIVE_GATEWAY,
  INCLUSIVE_GATEWAY,
  PARALLEL_GATEWAY,
  EVENT_BASED_GATEWAY,
  SEQUENCE_FLOW;

  public boolean isJobWorkerTask() {
    return this == SERVICE_TASK || this == SEND_TASK || this == SCRIPT_TASK || this == BUSINESS_RULE_TASK;
  }

  /** Activities can have boundary events and input/output mappings. */
  public boolean isActivity() {
    return isJobWorkerTask() || this == RECEIVE_TASK || this == USER_TASK || this == TASK || this == MANUAL_TASK || this == SUB_PROCESS || this == CALL_ACTIVITY;
  }
}
