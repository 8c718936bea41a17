package io.learnops.engine.state;

import io.learnops.engine.record.RecordValue.ProcessValue;

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

  static ProcessDefinition of(long key, ProcessValue value) {
    final ProcessDefinition definition = new ProcessDefinition();
    definition.key = key;
    definition.bpmnProcessId = value.bpmnProcessId();
    definition.version = value.version();
    definition.resourceName = value.resourceName();
    definition.resource = value.resource();
    definition.checksum = value.checksum();
    definition.tenantId = value.tenantId();
    definition.deploymentKey = value.deploymentKey();
    return definition;
  }
}
