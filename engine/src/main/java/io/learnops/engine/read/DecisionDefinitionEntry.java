package io.learnops.engine.read;

/** A deployed decision version; {@code xml} is the DMN resource of its requirements graph. */
public record DecisionDefinitionEntry(
    long key,
    String decisionDefinitionId,
    String name,
    int version,
    String decisionRequirementsId,
    long decisionRequirementsKey,
    String tenantId,
    String xml) {}
