package io.learnops.engine.read;

import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.ProcessInstanceValue;
import io.learnops.engine.record.ValueType;
import io.learnops.engine.state.EngineState;
import java.util.Set;

/** Sequence flows taken, per process instance (a recovered state has none to seed from). */
final class SequenceFlowProjector implements Projector {

  private final EntityStore<SequenceFlowEntry> store;
  private final ReadKeys keys;

  SequenceFlowProjector(EntityStore<SequenceFlowEntry> store, ReadKeys keys) {
    this.store = store;
    this.keys = keys;
  }

  @Override
  public Set<ValueType> valueTypes() {
    return Set.of(ValueType.PROCESS_INSTANCE);
  }

  @Override
  public void seed(EngineState state) {}

  @Override
  public void project(Record<?> record) {
    if (record.intent() != ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN) {
      return;
    }
    final ProcessInstanceValue flow = (ProcessInstanceValue) record.value();
    store.put(keys.next(), flow.processInstanceKey(), new SequenceFlowEntry(flow.processInstanceKey(),
        flow.processDefinitionKey(), flow.bpmnProcessId(), flow.elementId(), flow.tenantId()));
  }
}
