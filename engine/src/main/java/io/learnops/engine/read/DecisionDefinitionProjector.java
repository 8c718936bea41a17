package io.learnops.engine.read;

import io.learnops.engine.bpmn.EngineEvent;
import io.learnops.engine.state.DecisionDefinition;
import io.learnops.engine.state.DecisionRequirements;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Decision definitions and their requirements graphs, from {@code DEPLOYMENT CREATED}: the engine
 * writes no event per decision, so the deployment's decisions are looked up by deployment key.
 */
final class DecisionDefinitionProjector implements Projector {

  private final EntityStore<DecisionDefinitionEntry> definitions;
  private final EntityStore<DecisionRequirementsEntry> requirements;

  DecisionDefinitionProjector(EntityStore<DecisionDefinitionEntry> definitions,
      EntityStore<DecisionRequirementsEntry> requirements) {
    this.definitions = definitions;
    this.requirements = requirements;
  }

  @Override
  public Set<String> valueTypes() {
    return Set.of("DEPLOYMENT");
  }

  @Override
  public void seed(Lookup lookup) {
    lookup.state().decisionRequirements.forEach(this::put);
    lookup.state().decisionDefinitions.forEach(d -> put(d, lookup));
  }

  @Override
  public void project(EngineEvent event, Lookup lookup) {
    if (!"CREATED".equals(event.intent())) {
      return;
    }
    lookup.state().decisionRequirements.stream().filter(r -> r.deploymentKey == event.key()).forEach(this::put);
    lookup.state().decisionDefinitions.stream().filter(d -> d.deploymentKey == event.key()).forEach(d -> put(d, lookup));
  }

  private void put(DecisionRequirements r) {
    requirements.put(r.key, -1, new DecisionRequirementsEntry(r.key, r.decisionRequirementsId, r.name, r.version,
        r.resourceName, r.tenantId, new String(r.resource, StandardCharsets.UTF_8)));
  }

  private void put(DecisionDefinition d, Lookup lookup) {
    final String xml = requirements.get(d.decisionRequirementsKey).map(DecisionRequirementsEntry::xml).orElse("");
    definitions.put(d.key, -1, new DecisionDefinitionEntry(d.key, d.decisionId, d.decisionName, d.version,
        d.decisionRequirementsId, d.decisionRequirementsKey, d.tenantId, xml));
  }
}
