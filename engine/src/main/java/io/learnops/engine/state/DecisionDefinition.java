package io.learnops.engine.state;

import io.learnops.engine.record.RecordValue.DecisionValue;

/** A deployed version of one decision; evaluated from the resource of its requirements graph. */
public final class DecisionDefinition {
  public long key;
  public String decisionId;
  public String decisionName;
  public int version;
  public long decisionRequirementsKey;
  public String decisionRequirementsId;
  public String resourceName;
  public String tenantId;
  public long deploymentKey;

  static DecisionDefinition of(long key, DecisionValue value) {
    final DecisionDefinition decision = new DecisionDefinition();
    decision.key = key;
    decision.decisionId = value.decisionId();
    decision.decisionName = value.decisionName();
    decision.version = value.version();
    decision.decisionRequirementsKey = value.decisionRequirementsKey();
    decision.decisionRequirementsId = value.decisionRequirementsId();
    decision.resourceName = value.resourceName();
    decision.tenantId = value.tenantId();
    decision.deploymentKey = value.deploymentKey();
    return decision;
  }
}
