package io.learnops.engine.read;

/** A deployed DMN resource (decision requirements graph), with its XML. */
public record DecisionRequirementsEntry(
    long key, String decisionRequirementsId, String name, int version, String resourceName, String tenantId,
    String xml) {}
