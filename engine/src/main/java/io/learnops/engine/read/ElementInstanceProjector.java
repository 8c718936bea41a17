package io.learnops.engine.read;

import io.learnops.engine.bpmn.EngineEvent;
import io.learnops.engine.state.ElementInstance;
import java.util.Set;

/** Element instances (the process instance itself included), from their lifecycle events. */
final class ElementInstanceProjector implements Projector {

  private final EntityStore<ElementInstanceEntry> store;

  ElementInstanceProjector(EntityStore<ElementInstanceEntry> store) {
    this.store = store;
  }

  @Override
  public Set<String> valueTypes() {
    return Set.of("PROCESS_INSTANCE");
  }

  @Override
  public void seed(Lookup lookup) {
    lookup.state().elementInstances.values().forEach(this::put);
  }

  @Override
  public void project(EngineEvent event, Lookup lookup) {
    switch (event.intent()) {
      case "ELEMENT_ACTIVATING" -> lookup.instance(event.key()).ifPresent(this::put);
      case "ELEMENT_COMPLETED" -> store.update(event.key(), e -> e.ended("COMPLETED", event.timestamp()));
      case "ELEMENT_TERMINATED" -> store.update(event.key(), e -> e.ended("TERMINATED", event.timestamp()));
      default -> { }
    }
  }

  private void put(ElementInstance i) {
    store.put(i.key, i.processInstanceKey, new ElementInstanceEntry(i.key, i.processInstanceKey,
        i.processDefinitionKey, i.bpmnProcessId, i.elementId, i.type.name(), "ACTIVE", i.createdAt, -1, -1,
        i.tenantId, i.flowScopeKey));
  }
}
