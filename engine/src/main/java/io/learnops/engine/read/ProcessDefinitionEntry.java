package io.learnops.engine.read;

/** A deployed process version, with its BPMN XML. */
public record ProcessDefinitionEntry(
    long key, String processDefinitionId, int version, String resourceName, String tenantId, String xml) {}
