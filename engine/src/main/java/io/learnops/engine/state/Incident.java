package io.learnops.engine.state;

import io.learnops.engine.record.RecordValue.IncidentValue;

/** Something an operator must fix before the instance can go on. */
public final class Incident {
  /** Zeebe's error types, which clients and Operate display. */
  public enum ErrorType {
    JOB_NO_RETRIES,
    UNHANDLED_ERROR_EVENT,
    CONDITION_ERROR,
    EXTRACT_VALUE_ERROR,
    IO_MAPPING_ERROR,
    CALLED_ELEMENT_ERROR,
    DECISION_EVALUATION_ERROR,
    EXECUTION_LISTENER_NO_RETRIES,
    TASK_LISTENER_NO_RETRIES,
    FORM_NOT_FOUND
  }

  /** What resolving the incident retries. */
  public enum Retry {
    /** make the job activatable again */
    JOB,
    /** run the element's activation again */
    ACTIVATE,
    /** run the element's completion again */
    COMPLETE,
    /** create the job of the user task listener that is due again */
    TASK_LISTENER
  }

  public long key;
  public ErrorType errorType;
  public String errorMessage;
  public Retry retry;
  public long elementInstanceKey;
  public String elementId;
  public long processInstanceKey;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public long jobKey = -1;
  public String tenantId;
  public long createdAt;

  public IncidentValue toValue() {
    return new IncidentValue(errorType, errorMessage, retry, elementInstanceKey, elementId, processInstanceKey,
        processDefinitionKey, bpmnProcessId, jobKey, tenantId);
  }

  static Incident of(long key, IncidentValue value, long createdAt) {
    final Incident incident = new Incident();
    incident.key = key;
    incident.errorType = value.errorType();
    incident.errorMessage = value.errorMessage();
    incident.retry = value.retry();
    incident.elementInstanceKey = value.elementInstanceKey();
    incident.elementId = value.elementId();
    incident.processInstanceKey = value.processInstanceKey();
    incident.processDefinitionKey = value.processDefinitionKey();
    incident.bpmnProcessId = value.bpmnProcessId();
    incident.jobKey = value.jobKey();
    incident.tenantId = value.tenantId();
    incident.createdAt = createdAt;
    return incident;
  }
}
