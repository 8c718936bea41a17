package io.learnops.engine.read;

/** A sequence flow taken in a process instance. */
public record SequenceFlowEntry(
    long processInstanceKey, long processDefinitionKey, String processDefinitionId, String sequenceFlowId,
    String tenantId) {}
