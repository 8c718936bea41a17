package io.learnops.engine.read;

import io.learnops.engine.bpmn.EngineEvent;
import io.learnops.engine.model.ElementType;
import io.learnops.engine.state.ElementInstance;
import java.util.Set;

/**
 * Process instances, from the lifecycle events of their root element instance. A finished
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
  public Set<String> valueTypes() {
    return Set.of("PROCESS_INSTANCE");
  }

  @Override
  public void seed(Lookup lookup) {
    lookup.state().elementInstances.values().stream().filter(ElementInstance::isRoot).forEach(i -> put(i, lookup));
  }

  @Override
  public void project(EngineEvent event, Lookup lookup) {
    if (!ElementType.PROCESS.name().equals(event.elementType())) {
      return;
    }
    switch (event.intent()) {
      case "ELEMENT_ACTIVATING" -> lookup.instance(event.key()).ifPresent(i -> put(i, lookup));
      case "ELEMENT_COMPLETED" -> end(event, "COMPLETED");
      case "ELEMENT_TERMINATED" -> end(event, "TERMINATED");
      default -> { }
    }
  }

  private void end(EngineEvent event, String state) {
    store.update(event.key(), e -> e.ended(state, event.timestamp()));
    history.finished(event.key());
  }

  private void put(ElementInstance i, Lookup lookup) {
    final long parentProcessInstanceKey = i.parentElementInstanceKey < 0 ? -1
        : lookup.instance(i.parentElementInstanceKey).map(p -> p.processInstanceKey).orElse(-1L);
    store.put(i.key, i.key, new ProcessInstanceEntry(i.key, i.processDefinitionKey, i.bpmnProcessId, i.version,
        "ACTIVE", i.createdAt, -1, false, i.tenantId, parentProcessInstanceKey, i.parentElementInstanceKey));
  }
}
