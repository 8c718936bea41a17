package io.learnops.engine.state;

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
  /** a canceling listener's job runs on its own: nothing waits for it */
  public boolean detached;

  public boolean isTaskListener() {
    return "TASK_LISTENER".equals(kind);
  }

  public boolean isExecutionListener() {
    return "EXECUTION_LISTENER".equals(kind);
  }
}
