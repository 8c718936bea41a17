package io.learnops.engine.state;

import io.learnops.engine.record.RecordValue.FormValue;

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

  static Form of(long key, FormValue value) {
    final Form form = new Form();
    form.key = key;
    form.formId = value.formId();
    form.version = value.version();
    form.resourceName = value.resourceName();
    form.schema = value.schema();
    form.checksum = value.checksum();
    form.tenantId = value.tenantId();
    form.deploymentKey = value.deploymentKey();
    return form;
  }
}
