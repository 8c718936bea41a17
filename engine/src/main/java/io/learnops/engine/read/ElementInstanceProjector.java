package io.learnops.engine.read;

import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.ProcessInstanceValue;
import io.learnops.engine.record.ValueType;
import io.learnops.engine.state.EngineState;
import java.util.Set;

/** Element instances (the process instance itself included), from their lifecycle records. */
final class ElementInstanceProjector implements Projector {

  private final EntityStore<ElementInstanceEntry> store;

  ElementInstanceProjector(EntityStore<ElementInstanceEntry> store) {
    this.store = store;
  }

  @Override
  public Set<ValueType> valueTypes() {
    return Set.of(ValueType.PROCESS_INSTANCE);
  }

  @Override
  public void seed(EngineState state) {
    state.elementInstances.values().forEach(i -> put(i.key, i.toValue(), i.createdAt));
  }

  @Override
  public void project(Record<?> record) {
    switch ((ProcessInstanceIntent) record.intent()) {
      case ELEMENT_ACTIVATING -> put(record.key(), (ProcessInstanceValue) record.value(), record.timestamp());
      case ELEMENT_COMPLETED -> store.update(record.key(), e -> e.ended("COMPLETED", record.timestamp()));
      case ELEMENT_TERMINATED -> store.update(record.key(), e -> e.ended("TERMINATED", record.timestamp()));
      default -> { }
    }
  }

  private void put(long key, ProcessInstanceValue i, long startDate) {
    store.put(key, i.processInstanceKey(), new ElementInstanceEntry(key, i.processInstanceKey(),
        i.processDefinitionKey(), i.bpmnProcessId(), i.elementId(), i.bpmnElementType().name(), "ACTIVE", startDate,
        -1, -1, i.tenantId(), i.flowScopeKey()));
  }
}
