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
}
