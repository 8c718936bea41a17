package io.learnops.engine.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnops.engine.record.Intent.DecisionEvaluationIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.DecisionEvaluationValue;
import io.learnops.engine.record.ValueType;
import io.learnops.engine.state.EngineState;
import java.util.Set;

/**
 * Decision instances: one per evaluation. A business rule task's evaluation belongs to its process
 * instance; an EvaluateDecision evaluation stands alone and is retained like a finished instance.
 */
final class DecisionInstanceProjector implements Projector {

  private final EntityStore<DecisionInstanceEntry> store;
  private final History history;
  private final ObjectMapper json;

  DecisionInstanceProjector(EntityStore<DecisionInstanceEntry> store, History history, ObjectMapper json) {
    this.store = store;
    this.history = history;
    this.json = json;
  }

  @Override
  public Set<ValueType> valueTypes() {
    return Set.of(ValueType.DECISION_EVALUATION);
  }

  @Override
  public void seed(EngineState state) {}

  @Override
  public void project(Record<?> record) {
    final DecisionEvaluationValue e = (DecisionEvaluationValue) record.value();
    final boolean failed = record.intent() == DecisionEvaluationIntent.FAILED;
    final boolean standalone = e.elementInstanceKey() < 0;
    final long key = record.key();
    store.put(key, standalone ? key : e.processInstanceKey(), new DecisionInstanceEntry(key,
        failed ? "FAILED" : "EVALUATED", record.timestamp(), failed ? e.failureMessage() : null,
        failed ? null : toJson(e.output()), e.decisionKey(), e.decisionId(), e.decisionName(), e.decisionVersion(),
        e.processInstanceKey(), e.processDefinitionKey(), e.elementInstanceKey(), e.tenantId(), e.evaluatedInputs(),
        e.matchedRules()));
    if (standalone) {
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
