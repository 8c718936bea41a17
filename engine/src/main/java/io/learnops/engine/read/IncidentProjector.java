package io.learnops.engine.read;

import io.learnops.engine.bpmn.EngineEvent;
import io.learnops.engine.state.Incident;
import java.util.Set;

/**
 * Incidents, and the incident marks on their element and process instances: an instance has an
 * incident while any of its incidents is open.
 */
final class IncidentProjector implements Projector {

  private final EntityStore<IncidentEntry> store;
  private final EntityStore<ElementInstanceEntry> elements;
  private final EntityStore<ProcessInstanceEntry> instances;

  IncidentProjector(EntityStore<IncidentEntry> store, EntityStore<ElementInstanceEntry> elements,
      EntityStore<ProcessInstanceEntry> instances) {
    this.store = store;
    this.elements = elements;
    this.instances = instances;
  }

  @Override
  public Set<String> valueTypes() {
    return Set.of("INCIDENT");
  }

  @Override
  public void seed(Lookup lookup) {
    lookup.state().incidents.values().forEach(this::open);
  }

  @Override
  public void project(EngineEvent event, Lookup lookup) {
    switch (event.intent()) {
      case "CREATED" -> {
        final Incident incident = lookup.state().incidents.get(event.key());
        if (incident != null) {
          open(incident);
        }
      }
      case "RESOLVED" -> store.get(event.key()).ifPresent(this::resolve);
      default -> { }
    }
  }

  private void open(Incident i) {
    store.put(i.key, i.processInstanceKey, new IncidentEntry(i.key, i.errorType.name(), i.errorMessage, "ACTIVE",
        i.createdAt, i.processInstanceKey, i.processDefinitionKey, i.bpmnProcessId, i.elementId, i.elementInstanceKey,
        i.jobKey, i.tenantId));
    elements.update(i.elementInstanceKey, e -> e.withIncident(i.key));
    instances.update(i.processInstanceKey, p -> p.withIncident(true));
  }

  private void resolve(IncidentEntry incident) {
    store.update(incident.key(), IncidentEntry::resolved);
    elements.update(incident.elementInstanceKey(), e -> e.incidentKey() == incident.key() ? e.withIncident(-1) : e);
    final boolean stillOpen = store.keysOf(incident.processInstanceKey()).stream()
        .anyMatch(key -> store.get(key).map(i -> "ACTIVE".equals(i.state())).orElse(false));
    instances.update(incident.processInstanceKey(), p -> p.withIncident(stillOpen));
  }
}
