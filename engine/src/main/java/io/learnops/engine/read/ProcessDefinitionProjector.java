package io.learnops.engine.read;

import io.learnops.engine.bpmn.EngineEvent;
import io.learnops.engine.state.ProcessDefinition;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Process definitions, from {@code PROCESS CREATED} (one per deployed process version). */
final class ProcessDefinitionProjector implements Projector {

  private final EntityStore<ProcessDefinitionEntry> store;

  ProcessDefinitionProjector(EntityStore<ProcessDefinitionEntry> store) {
    this.store = store;
  }

  @Override
  public Set<String> valueTypes() {
    return Set.of("PROCESS");
  }

  @Override
  public void seed(Lookup lookup) {
    lookup.state().processDefinitions.forEach(this::put);
  }

  @Override
  public void project(EngineEvent event, Lookup lookup) {
    if ("CREATED".equals(event.intent())) {
      lookup.state().definition(event.key()).ifPresent(this::put);
    }
  }

  private void put(ProcessDefinition d) {
    store.put(d.key, -1, new ProcessDefinitionEntry(d.key, d.bpmnProcessId, d.version, d.resourceName, d.tenantId,
        new String(d.resource, StandardCharsets.UTF_8)));
  }
}
