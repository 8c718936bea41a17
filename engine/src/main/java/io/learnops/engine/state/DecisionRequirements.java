package io.learnops.engine.state;

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
}
