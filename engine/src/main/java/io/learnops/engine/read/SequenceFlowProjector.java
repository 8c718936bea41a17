package io.learnops.engine.read;

import io.learnops.engine.bpmn.EngineEvent;
import java.util.Set;

/** Sequence flows taken, per process instance (a live state has none to seed from). */
final class SequenceFlowProjector implements Projector {

  private final EntityStore<SequenceFlowEntry> store;
  private final ReadKeys keys;

  SequenceFlowProjector(EntityStore<SequenceFlowEntry> store, ReadKeys keys) {
    this.store = store;
    this.keys = keys;
  }

  @Override
  public Set<String> valueTypes() {
    return Set.of("PROCESS_INSTANCE");
  }

  @Override
  public void seed(Lookup lookup) {}

  @Override
  public void project(EngineEvent event, Lookup lookup) {
    if (!"SEQUENCE_FLOW_TAKEN".equals(event.intent())) {
      return;
    }
    lookup.instance(event.processInstanceKey()).ifPresent(root -> store.put(keys.next(), root.key,
        new SequenceFlowEntry(root.key, root.processDefinitionKey, root.bpmnProcessId, event.elementId(),
            root.tenantId)));
  }
}
