package io.learnops.engine.read;

import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.DecisionRequirementsValue;
import io.learnops.engine.record.RecordValue.DecisionValue;
import io.learnops.engine.record.ValueType;
import io.learnops.engine.state.DecisionDefinition;
import io.learnops.engine.state.DecisionRequirements;
import io.learnops.engine.state.EngineState;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Decision requirements graphs and their decisions, from {@code DECISION_REQUIREMENTS CREATED}
 * and {@code DECISION CREATED}; a deployment writes the graph before its decisions.
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
  public Set<ValueType> valueTypes() {
    return Set.of(ValueType.DECISION_REQUIREMENTS, ValueType.DECISION);
  }

  @Override
  public void seed(EngineState state) {
    for (final DecisionRequirements r : state.decisionRequirements) {
      putRequirements(r.key, r.decisionRequirementsId, r.name, r.version, r.resourceName, r.tenantId, r.resource);
    }
    for (final DecisionDefinition d : state.decisionDefinitions) {
      putDecision(d.key, d.decisionId, d.decisionName, d.version, d.decisionRequirementsId, d.decisionRequirementsKey,
          d.tenantId);
    }
  }

  @Override
  public void project(Record<?> record) {
    if (record.value() instanceof DecisionRequirementsValue r) {
      putRequirements(record.key(), r.decisionRequirementsId(), r.name(), r.version(), r.resourceName(), r.tenantId(),
          r.resource());
    } else if (record.value() instanceof DecisionValue d) {
      putDecision(record.key(), d.decisionId(), d.decisionName(), d.version(), d.decisionRequirementsId(),
          d.decisionRequirementsKey(), d.tenantId());
    }
  }

  private void putRequirements(long key, String id, String name, int version, String resourceName, String tenantId,
      byte[] resource) {
    requirements.put(key, -1, new DecisionRequirementsEntry(key, id, name, version, resourceName, tenantId,
        new String(resource, StandardCharsets.UTF_8)));
  }

  private void putDecision(long key, String decisionId, String name, int version, String requirementsId,
      long requirementsKey, String tenantId) {
    final String xml = requirements.get(requirementsKey).map(DecisionRequirementsEntry::xml).orElse("");
    definitions.put(key, -1, new DecisionDefinitionEntry(key, decisionId, name, version, requirementsId,
        requirementsKey, tenantId, xml));
  }
}
