package io.learnops.engine.read;

import io.learnops.engine.model.ElementType;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.ProcessInstanceValue;
import io.learnops.engine.record.ValueType;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import java.util.Set;

/**
 * Process instances, from the lifecycle records of their root element instance. A finished
 * instance is handed to the retention.
 */
final class ProcessInstanceProjector implements Projector {

  private final EntityStore<ProcessInstanceEntry> store;
  private final History history;

  ProcessInstanceProjector(EntityStore<ProcessInstanceEntry> store, History history) {
    this.store = store;
    this.history = history;
  }

  @Override
  public Set<ValueType> valueTypes() {
    return Set.of(ValueType.PROCESS_INSTANCE);
  }

  @Override
  public void seed(EngineState state) {
    state.elementInstances.values().stream().filter(ElementInstance::isRoot)
        .forEach(i -> put(i.key, i.toValue(), i.createdAt));
  }

  @Override
  public void project(Record<?> record) {
    final ProcessInstanceValue value = (ProcessInstanceValue) record.value();
    if (value.bpmnElementType() != ElementType.PROCESS) {
      return;
    }
    switch ((ProcessInstanceIntent) record.intent()) {
      case ELEMENT_ACTIVATING -> put(record.key(), value, record.timestamp());
      case ELEMENT_COMPLETED -> end(record, "COMPLETED");
      case ELEMENT_TERMINATED -> end(record, "TERMINATED");
      default -> { }
    }
  }

  private void end(Record<?> record, String state) {
    store.update(record.key(), e -> e.ended(state, record.timestamp()));
    history.finished(record.key());
  }

  private void put(long key, ProcessInstanceValue i, long startDate) {
    store.put(key, key, new ProcessInstanceEntry(key, i.processDefinitionKey(), i.bpmnProcessId(), i.version(),
        "ACTIVE", startDate, -1, false, i.tenantId(), i.parentProcessInstanceKey(), i.parentElementInstanceKey()));
  }
}
