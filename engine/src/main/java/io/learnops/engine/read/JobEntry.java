package io.learnops.engine.read;

import java.util.Map;

/**
 * A job and its latest state.
 *
 * @param state Zeebe's job state: CREATED (also while activated), FAILED, RETRIES_UPDATED,
 *     TIMED_OUT, COMPLETED, ERROR_THROWN or CANCELED
 * @param deadline epoch millis of the current activation, or -1
 * @param endTime epoch millis when it completed, threw an error or was cancelled, or -1
 */
public record JobEntry(
    long key,
    String type,
    String worker,
    String state,
    int retries,
    long deadline,
    long endTime,
    String errorMessage,
    Map<String, String> customHeaders,
    String elementId,
    long elementInstanceKey,
    long processInstanceKey,
    long processDefinitionKey,
    String processDefinitionId,
    String tenantId) {

  public boolean hasFailedWithRetriesLeft() {
    return "FAILED".equals(state) && retries > 0;
  }

  JobEntry ended(String finalState, long at) {
    return new JobEntry(key, type, worker, finalState, retries, deadline, at, errorMessage, customHeaders, elementId,
        elementInstanceKey, processInstanceKey, processDefinitionKey, processDefinitionId, tenantId);
  }
}
