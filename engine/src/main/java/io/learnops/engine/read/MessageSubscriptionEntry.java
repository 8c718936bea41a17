package io.learnops.engine.read;

/**
 * A wait of an element instance for a message.
 *
 * @param state CREATED, CORRELATED or DELETED
 */
public record MessageSubscriptionEntry(
    long key,
    String messageName,
    String correlationKey,
    String state,
    long lastUpdatedDate,
    String elementId,
    long elementInstanceKey,
    long processInstanceKey,
    long processDefinitionKey,
    String processDefinitionId,
    String tenantId) {

  MessageSubscriptionEntry in(String newState, long at) {
    return new MessageSubscriptionEntry(key, messageName, correlationKey, newState, at, elementId, elementInstanceKey,
        processInstanceKey, processDefinitionKey, processDefinitionId, tenantId);
  }
}
