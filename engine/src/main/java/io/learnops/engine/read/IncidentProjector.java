package io.learnops.engine.read;

import io.learnops.engine.record.Intent.IncidentIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.IncidentValue;
import io.learnops.engine.record.ValueType;
import io.learnops.engine.state.EngineState;
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
  public Set<ValueType> valueTypes() {
    return Set.of(ValueType.INCIDENT);
  }

  @Override
  public void seed(EngineState state) {
    state.incidents.values().forEach(i -> open(i.key, i.toValue(), i.createdAt));
  }

  @Override
  public void project(Record<?> record) {
    switch ((IncidentIntent) record.intent()) {
      case CREATED -> open(record.key(), (IncidentValue) record.value(), record.timestamp());
      case RESOLVED -> store.get(record.key()).ifPresent(this::resolve);
    }
  }

  private void open(long key, IncidentValue i, long createdAt) {
    store.put(key, i.processInstanceKey(), new IncidentEntry(key, i.errorType().name(), i.errorMessage(), "ACTIVE",
        createdAt, i.processInstanceKey(), i.processDefinitionKey(), i.bpmnProcessId(), i.elementId(),
        i.elementInstanceKey(), i.jobKey(), i.tenantId()));
    elements.update(i.elementInstanceKey(), e -> e.withIncident(key));
    instances.update(i.processInstanceKey(), p -> p.withIncident(true));
  }

  private void resolve(IncidentEntry incident) {
    store.update(incident.key(), IncidentEntry::resolved);
    elements.update(incident.elementInstanceKey(), e -> e.incidentKey() == incident.key() ? e.withIncident(-1) : e);
    final boolean stillOpen = store.keysOf(incident.processInstanceKey()).stream()
        .anyMatch(key -> store.get(key).map(i -> "ACTIVE".equals(i.state())).orElse(false));
    instances.update(incident.processInstanceKey(), p -> p.withIncident(stillOpen));
  }
}
