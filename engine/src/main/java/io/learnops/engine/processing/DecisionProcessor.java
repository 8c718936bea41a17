package io.learnops.engine.processing;

import io.learnops.engine.api.EngineApi.DecisionEvaluated;
import io.learnops.engine.api.Rejection;
import io.learnops.engine.bpmn.BpmnExecutor;
import io.learnops.engine.decision.Decisions;
import io.learnops.engine.processing.EngineCommand.EvaluateDecision;
import io.learnops.engine.state.DecisionDefinition;
import io.learnops.engine.state.EngineState;
import java.util.Optional;

/** Evaluates a deployed decision on its own (EvaluateDecision), outside any process instance. */
final class DecisionProcessor {

  private final EngineState state;
  private final Decisions decisions;
  private final BpmnExecutor executor;

  DecisionProcessor(EngineState state, Decisions decisions, BpmnExecutor executor) {
    this.state = state;
    this.decisions = decisions;
    this.executor = executor;
  }

  DecisionEvaluated evaluate(EvaluateDecision command) {
    final Optional<DecisionDefinition> decision = command.decisionKey() > 0
        ? state.decision(command.decisionKey()).filter(d -> d.tenantId.equals(command.tenantId()))
        : state.latestDecision(command.tenantId(), command.decisionId());
    if (decision.isEmpty()) {
      throw Rejection.notFound(command.decisionKey() > 0
          ? "Expected to evaluate decision with key '%d', but no such decision found".formatted(command.decisionKey())
          : "Expected to evaluate decision '%s', but no such decision found".formatted(command.decisionId()));
    }
    final Decisions.Evaluation evaluation = decisions.evaluate(decision.get(), command.variables());
    if (evaluation.isFailure()) {
      throw Rejection.invalidArgument("Expected to evaluate decision '%s', but %s"
          .formatted(decision.get().decisionId, evaluation.error()));
    }
    // clients expect a key for every evaluation; taking it is the only state an evaluation changes
    final long evaluationKey = state.nextKey();
    executor.write(evaluationKey, evaluation.intent(), evaluation.toValue(null));
    return new DecisionEvaluated(evaluationKey, decisions.describe(decision.get()), evaluation.output(),
        evaluation.inputs(), evaluation.matchedRules());
  }
}
