package io.learnops.engine.read;

/**
 * A process instance, running or finished.
 *
 * @param state ACTIVE, COMPLETED or TERMINATED
 * @param endDate epoch millis, or -1 while it runs
 * @param parentProcessInstanceKey the calling instance, or -1
 * @param parentElementInstanceKey the calling call activity's instance, or -1
 */
public record ProcessInstanceEntry(
    long key,
    long processDefinitionKey,
    String processDefinitionId,
    int processDefinitionVersion,
    String state,
    long startDate,
    long endDate,
    boolean hasIncident,
    String tenantId,
    long parentProcessInstanceKey,
    long parentElementInstanceKey) {

  ProcessInstanceEntry ended(String finalState, long at) {
    return new ProcessInstanceEntry(key, processDefinitionKey, processDefinitionId,
        processDefinitionVersion, finalState, startDate, at, hasIncident, tenantId, parentProcessInstanceKey, parentElementInstanceKey);
  }

  ProcessInstanceEntry withIncident(boolean incident) {
    return new ProcessInstanceEntry(key, processDefinitionKey, processDefinitionId,
        processDefinitionVersion, state, startDate, endDate, incident, tenantId, parentProcessInstanceKey, parentElementInstanceKey);
  }
}
