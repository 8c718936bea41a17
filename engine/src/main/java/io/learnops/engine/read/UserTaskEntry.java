package io.learnops.engine.read;

import java.util.List;
import java.util.Map;

/**
 * A user task as the read API shows it: open, completed or canceled.
 *
 * @param state CREATING, CREATED, ASSIGNING, UPDATING, COMPLETING, CANCELING, COMPLETED or CANCELED
 * @param completionDate epoch millis, or -1 while open
 * @param dueDate ISO 8601 date-time, or null
 * @param formKey the linked deployed form, or -1
 */
public record UserTaskEntry(
    long key,
    String name,
    String state,
    String assignee,
    String elementId,
    long elementInstanceKey,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String processDefinitionId,
    long processDefinitionKey,
    int processDefinitionVersion,
    long processInstanceKey,
    long creationDate,
    long completionDate,
    String dueDate,
    String followUpDate,
    long formKey,
    String externalFormReference,
    Map<String, String> customHeaders,
    int priority,
    String tenantId) {
}
