package io.learnops.engine.read;

/**
 * A message that reached a subscription.
 *
 * @param key the read model's own key for this correlation (a message can reach several instances)
 */
public record CorrelatedMessageEntry(
    long key,
    long messageKey,
    long subscriptionKey,
    String messageName,
    String correlationKey,
    long correlationTime,
    String elementId,
    long elementInstanceKey,
    long processInstanceKey,
    long processDefinitionKey,
    String processDefinitionId,
    String tenantId) {}
