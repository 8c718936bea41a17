package io.learnops.engine.state;

import io.learnops.engine.record.JobKind;
import io.learnops.engine.record.RecordValue.JobValue;
import java.util.Map;

/** A unit of work for a job worker, created by a job-based task. */
public final class Job {
  public enum State {
    ACTIVATABLE,
    ACTIVATED,
    /** failed with retries left and a back-off still running */
    BACKING_OFF,
    /** failed with no retries left, or threw an unhandled error: an incident is open */
    FAILED
  }

  public long key;
  public String type;
  public State state;
  public int retries;
  public String worker = "";
  public long deadline = -1;
  public long recurAt = -1;
  public String errorMessage = "";
  public Map<String, String> customHeaders;
  public long elementInstanceKey;
  public String elementId;
  public long processInstanceKey;
  public long processDefinitionKey;
  public String bpmnProcessId;
  public int processDefinitionVersion;
  public String tenantId;
  /** {@code BPMN_ELEMENT}, {@code EXECUTION_LISTENER} or {@code TASK_LISTENER} */
  public String kind = "BPMN_ELEMENT";
  /** for listener jobs the listener's event type ({@code START}, {@code COMPLETING}, …); else {@code UNSPECIFIED} */
  public String listenerEventType = "UNSPECIFIED";
  /** for task listener jobs: the user task; else -1 */
  public long userTaskKey = -1;

  public JobValue toValue() {
    return new JobValue(type, JobKind.valueOf(kind), listenerEventType, worker, retries, deadline, recurAt,
        errorMessage, customHeaders == null ? Map.of() : Map.copyOf(customHeaders), elementInstanceKey, elementId,
        processInstanceKey, processDefinitionKey, bpmnProcessId, processDefinitionVersion, userTaskKey, tenantId);
  }

  static Job of(long key, JobValue value) {
    final Job job = new Job();
    job.key = key;
    job.type = value.type();
    job.kind = value.kind().name();
    job.listenerEventType = value.listenerEventType();
    job.retries = value.retries();
    job.errorMessage = value.errorMessage();
    job.customHeaders = value.customHeaders();
    job.elementInstanceKey = value.elementInstanceKey();
    job.elementId = value.elementId();
    job.processInstanceKey = value.processInstanceKey();
    job.processDefinitionKey = value.processDefinitionKey();
    job.bpmnProcessId = value.bpmnProcessId();
    job.processDefinitionVersion = value.processDefinitionVersion();
    job.tenantId = value.tenantId();
    job.userTaskKey = value.userTaskKey();
    job.state = State.ACTIVATABLE;
    return job;
  }

  /** A canceling task listener's job runs on its own: nothing waits for it. */
  public boolean isDetached() {
    return isTaskListener() && "CANCELING".equals(listenerEventType);
  }

  public boolean isTaskListener() {
    return "TASK_LISTENER".equals(kind);
  }

  public boolean isExecutionListener() {
    return "EXECUTION_LISTENER".equals(kind);
  }
}
