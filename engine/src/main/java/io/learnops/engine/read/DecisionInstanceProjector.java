package io.learnops.engine.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnops.engine.bpmn.Effects.DecisionEvaluation;
import io.learnops.engine.state.DecisionDefinition;
import io.learnops.engine.state.ElementInstance;
import java.util.Optional;

/**
 * Decision instances: one per evaluation. A business rule task's evaluation belongs to its process
 * instance; an EvaluateDecision evaluation stands alone and is retained like a finished instance.
 */
final class DecisionInstanceProjector {

  private final EntityStore<DecisionInstanceEntry> store;
  private final ReadKeys keys;
  private final History history;
  private final ObjectMapper json;

  DecisionInstanceProjector(EntityStore<DecisionInstanceEntry> store, ReadKeys keys, History history,
      ObjectMapper json) {
    this.store = store;
    this.keys = keys;
    this.history = history;
    this.json = json;
  }

  void project(DecisionEvaluation evaluation, Lookup lookup) {
    final Optional<ElementInstance> task = evaluation.elementInstanceKey() < 0 ? Optional.empty()
        : lookup.instance(evaluation.elementInstanceKey());
    final long key = evaluation.evaluationKey() > 0 ? evaluation.evaluationKey() : keys.next();
    final DecisionDefinition decision = evaluation.evaluation().decision();
    final boolean failed = evaluation.evaluation().isFailure();
    final long owner = task.map(t -> t.processInstanceKey).orElse(key);
    store.put(key, owner, new DecisionInstanceEntry(key, failed ? "FAILED" : "EVALUATED", evaluation.timestamp(),
        failed ? evaluation.evaluation().error() : null,
        failed ? null : toJson(evaluation.evaluation().output()),
        decision.key, decision.decisionId, decision.decisionName, decision.version,
        task.map(t -> t.processInstanceKey).orElse(-1L), task.map(t -> t.processDefinitionKey).orElse(-1L),
        task.map(t -> t.key).orElse(-1L), decision.tenantId, evaluation.evaluation().inputs(),
        evaluation.evaluation().matchedRules()));
    if (task.isEmpty()) {
      history.finished(key);
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
