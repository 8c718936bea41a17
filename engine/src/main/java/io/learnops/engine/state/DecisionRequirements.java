package io.learnops.engine.state;

import io.learnops.engine.record.RecordValue.DecisionRequirementsValue;

/** A deployed version of a DMN resource (its decision requirements graph). Decisions are parsed from the resource. */
public final class DecisionRequirements {
  public long key;
  /** the id of the DMN {@code definitions} element */
  public String decisionRequirementsId;
  public String name;
  public int version;
  public String resourceName;
  public byte[] resource;
  public String checksum;
  public String tenantId;
  public long deploymentKey;

  static DecisionRequirements of(long key, DecisionRequirementsValue value) {
    final DecisionRequirements requirements = new DecisionRequirements();
    requirements.key = key;
    requirements.decisionRequirementsId = value.decisionRequirementsId();
    requirements.name = value.name();
    requirements.version = value.version();
    requirements.resourceName = value.resourceName();
    requirements.resource = value.resource();
    requirements.checksum = value.checksum();
    requirements.tenantId = value.tenantId();
    requirements.deploymentKey = value.deploymentKey();
    return requirements;
  }
}
