package io.learnops.engine.state;

/** A deployed Camunda form ({@code .form} resource), versioned by its form id like a process. */
public final class Form {
  public long key;
  public String formId;
  public int version;
  public String resourceName;
  public String schema;
  public String checksum;
  public String tenantId;
  public long deploymentKey;
}
