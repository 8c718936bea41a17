package io.learnops.engine.gateway.rest;

import io.camunda.client.protocol.rest.EvaluatedDecisionInputItem;
import io.camunda.client.protocol.rest.EvaluatedDecisionOutputItem;
import io.camunda.client.protocol.rest.MatchedDecisionRuleItem;

import io.camunda.client.protocol.rest.DecisionEvaluationInstruction;
import io.camunda.client.protocol.rest.EvaluateDecisionResult;
import io.camunda.client.protocol.rest.EvaluatedDecisionResult;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.JsonVariables;
import io.learnops.engine.api.Rejection;
import java.util.List;

/** {@code POST /v2/decision-definitions/evaluation}: by decision id (latest version) or by key. */
final class DecisionHandler implements ResourceHandler {

  private final EngineApi api;
  private final JsonMapping json;

  DecisionHandler(EngineApi api, JsonMapping json) {
    this.api = api;
    this.json = json;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("POST", "/v2/decision-definitions/evaluation", this::evaluate));
  }

  private Reply<?> evaluate(RestRequest request) {
    final DecisionEvaluationInstruction body =
        json.read(request.body(), DecisionEvaluationInstruction.class);
    final boolean byKey = body.getDecisionDefinitionKey() != null;
    if (!byKey && body.getDecisionDefinitionId() == null) {
      throw Rejection.invalidArgument(
          "Expected either 'decisionDefinitionId' or 'decisionDefinitionKey', but found neither");
    }
    final EngineApi.EvaluateDecision command =
        new EngineApi.EvaluateDecision(
            body.getDecisionDefinitionId(),
            byKey ? Fields.key(body.getDecisionDefinitionKey(), "decisionDefinitionKey") : -1,
            JsonVariables.orEmpty(body.getVariables()),
            Fields.tenant(body.getTenantId()));
    return Reply.json(api.evaluateDecision(command), DecisionHandler::toDto);
  }

  private static EvaluateDecisionResult toDto(EngineApi.DecisionEvaluated evaluated) {
    final EngineApi.DeployedDecision decision = evaluated.decision();
    final String output = JsonVariables.toJson(evaluated.output());
    return new EvaluateDecisionResult()
        .decisionDefinitionId(decision.decisionId())
        .decisionDefinitionName(decision.decisionName())
        .decisionDefinitionVersion(decision.version())
        .decisionDefinitionKey(String.valueOf(decision.decisionKey()))
        .decisionRequirementsId(decision.decisionRequirementsId())
        .decisionRequirementsKey(String.valueOf(decision.decisionRequirementsKey()))
        .output(output)
        .tenantId(decision.tenantId())
        .decisionEvaluationKey(String.valueOf(evaluated.evaluationKey()))
        // required by the schema; empty when the evaluation succeeded (a failed one is a rejection here)
        .failedDecisionDefinitionId("")
        .failureMessage("")
        .decisionInstanceKey(String.valueOf(evaluated.evaluationKey()))
        .evaluatedDecisions(
            List.of(
                new EvaluatedDecisionResult()
                    .decisionDefinitionId(decision.decisionId())
                    .decisionDefinitionName(decision.decisionName())
                    .decisionDefinitionVersion(decision.version())
                    .decisionDefinitionKey(String.valueOf(decision.decisionKey()))
                    .output(output)
                    .tenantId(decision.tenantId())
                    .decisionEvaluationInstanceKey(evaluated.evaluationKey() + "-1")
                    .matchedRules(evaluated.matchedRules().stream().map(DecisionHandler::toDto).toList())
                    .evaluatedInputs(evaluated.inputs().stream().map(DecisionHandler::toDto).toList())));
  }

  private static MatchedDecisionRuleItem toDto(EngineApi.MatchedRule rule) {
    return new MatchedDecisionRuleItem()
        .ruleId(rule.ruleId())
        .ruleIndex(rule.ruleIndex())
        .evaluatedOutputs(rule.outputs().stream().map(output -> new EvaluatedDecisionOutputItem()
            .outputId(output.outputId())
            .outputName(output.outputName())
            .outputValue(JsonVariables.toJson(output.value()))).toList());
  }

  private static EvaluatedDecisionInputItem toDto(EngineApi.EvaluatedInput input) {
    return new EvaluatedDecisionInputItem()
        .inputId(input.inputId())
        .inputName(input.inputName())
        .inputValue(JsonVariables.toJson(input.value()));
  }
}
