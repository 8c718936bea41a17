package io.learnops.engine.state;

/** A deployed version of a process. The executable model is rebuilt from the resource. */
public final class ProcessDefinition {
  public long key;
  public String bpmnProcessId;
  public int version;
  public String resourceName;
  public byte[] resource;
  public String checksum;
  public String tenantId;
  public long deploymentKey;
}
