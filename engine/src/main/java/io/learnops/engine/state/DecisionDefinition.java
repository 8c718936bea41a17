package io.learnops.engine.state;

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
}
