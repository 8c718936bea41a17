package io.learnops.engine.read;

import io.learnops.engine.api.EngineApi;
import java.util.List;

/**
 * One evaluation of a decision, by a business rule task or by EvaluateDecision.
 *
 * @param state EVALUATED or FAILED
 * @param result the output as JSON text, or null when it failed
 * @param processInstanceKey -1 for EvaluateDecision
 * @param matchedRules of a decision table (empty for other decision logic)
 */
public record DecisionInstanceEntry(
    long key,
    String state,
    long evaluationDate,
    String evaluationFailure,
    String result,
    long decisionDefinitionKey,
    String decisionDefinitionId,
    String decisionDefinitionName,
    int decisionDefinitionVersion,
    long processInstanceKey,
    long processDefinitionKey,
    long elementInstanceKey,
    String tenantId,
    List<EngineApi.EvaluatedInput> evaluatedInputs,
    List<EngineApi.MatchedRule> matchedRules) {

  /** Zeebe names one evaluated decision of an evaluation {@code <evaluation key>-<index>}. */
  public String id() {
    return key + "-1";
  }
}
