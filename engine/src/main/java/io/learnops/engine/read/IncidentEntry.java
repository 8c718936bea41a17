package io.learnops.engine.read;

/**
 * An incident, open or resolved.
 *
 * @param state ACTIVE or RESOLVED
 * @param jobKey the failed job, or -1
 */
public record IncidentEntry(
    long key,
    String errorType,
    String errorMessage,
    String state,
    long creationTime,
    long processInstanceKey,
    long processDefinitionKey,
    String processDefinitionId,
    String elementId,
    long elementInstanceKey,
    long jobKey,
    String tenantId) {

  IncidentEntry resolved() {
    return new IncidentEntry(key, errorType, errorMessage, "RESOLVED", creationTime, processInstanceKey,
        processDefinitionKey, processDefinitionId, elementId, elementInstanceKey, jobKey, tenantId);
  }
}
