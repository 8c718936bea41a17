package io.learnops.engine.read;

/**
 * One execution of an element, running or finished.
 *
 * @param type Zeebe's element type name (SERVICE_TASK, PROCESS, …)
 * @param state ACTIVE, COMPLETED or TERMINATED
 * @param endDate epoch millis, or -1 while it runs
 * @param incidentKey the open incident on this element instance, or -1
 * @param flowScopeKey the enclosing element instance, or -1 for a process instance
 */
public record ElementInstanceEntry(
    long key,
    long processInstanceKey,
    long processDefinitionKey,
    String processDefinitionId,
    String elementId,
    String type,
    String state,
    long startDate,
    long endDate,
    long incidentKey,
    String tenantId,
    long flowScopeKey) {

  public boolean hasIncident() {
    return incidentKey >= 0;
  }

  ElementInstanceEntry ended(String finalState, long at) {
    return new ElementInstanceEntry(key, processInstanceKey, processDefinitionKey, processDefinitionId, elementId,
        type, finalState, startDate, at, incidentKey, tenantId, flowScopeKey);
  }

  ElementInstanceEntry withIncident(long incident) {
    return new ElementInstanceEntry(key, processInstanceKey, processDefinitionKey, processDefinitionId, elementId,
        type, state, startDate, endDate, incident, tenantId, flowScopeKey);
  }
}
