package io.learnops.engine.read;

import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.ProcessValue;
import io.learnops.engine.record.ValueType;
import io.learnops.engine.state.EngineState;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Process definitions, from {@code PROCESS CREATED} (one per deployed process version). */
final class ProcessDefinitionProjector implements Projector {

  private final EntityStore<ProcessDefinitionEntry> store;

  ProcessDefinitionProjector(EntityStore<ProcessDefinitionEntry> store) {
    this.store = store;
  }

  @Override
  public Set<ValueType> valueTypes() {
    return Set.of(ValueType.PROCESS);
  }

  @Override
  public void seed(EngineState state) {
    state.processDefinitions.forEach(d -> put(d.key, d.bpmnProcessId, d.version, d.resourceName, d.tenantId, d.resource));
  }

  @Override
  public void project(Record<?> record) {
    final ProcessValue process = (ProcessValue) record.value();
    put(record.key(), process.bpmnProcessId(), process.version(), process.resourceName(), process.tenantId(),
        process.resource());
  }

  private void put(long key, String bpmnProcessId, int version, String resourceName, String tenantId, byte[] resource) {
    store.put(key, -1, new ProcessDefinitionEntry(key, bpmnProcessId, version, resourceName, tenantId,
        new String(resource, StandardCharsets.UTF_8)));
  }
}
