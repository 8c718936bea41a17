package io.learnops.engine.bpmn.task;

import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.RecordWriter;
import io.learnops.engine.bpmn.behavior.IncidentBehavior;
import io.learnops.engine.bpmn.behavior.VariableBehavior;
import io.learnops.engine.decision.Decisions;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.DecisionDefinition;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Incident;
import java.util.Optional;

/**
 * Business rule tasks. With {@code zeebe:calledDecision} the engine evaluates the latest version of
 * the decision with the visible variables, records the evaluation, and the task completes at once
 * with the decision's output as the result variable; otherwise a job worker implements the task,
 * as for a service task.
 */
public final class BusinessRuleTaskProcessor implements ElementProcessor {

  private final EngineState state;
  private final Decisions decisions;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final RecordWriter records;
  private final ResultVariable result;
  private final JobWorkerTaskProcessor jobWorker;

  public BusinessRuleTaskProcessor(EngineState state, Decisions decisions, VariableBehavior variables,
      IncidentBehavior incidents, RecordWriter records, ResultVariable result, JobWorkerTaskProcessor jobWorker) {
    this.state = state;
    this.decisions = decisions;
    this.variables = variables;
    this.incidents = incidents;
    this.records = records;
    this.result = result;
    this.jobWorker = jobWorker;
  }

  @Override
  public boolean onActivate(ElementInstance instance, FlowNode node) {
    if (node.calledDecisionId().isEmpty()) {
      return jobWorker.onActivate(instance, node);
    }
    final String decisionId = node.calledDecisionId().get();
    final Optional<DecisionDefinition> decision = state.latestDecision(instance.tenantId, decisionId);
    if (decision.isEmpty()) {
      incidents.raise(instance, Incident.ErrorType.DECISION_EVALUATION_ERROR,
          "Expected to evaluate decision '%s', but no decision found for id '%s'".formatted(decisionId, decisionId),
          Incident.Retry.ACTIVATE);
      return false;
    }
    final Decisions.Evaluation evaluation = decisions.evaluate(decision.get(), variables.visible(instance.key));
    records.write(state.nextKey(), evaluation.intent(), evaluation.toValue(instance));
    if (evaluation.isFailure()) {
      incidents.raise(instance, Incident.ErrorType.DECISION_EVALUATION_ERROR,
          "Expected to evaluate decision '%s', but %s".formatted(decisionId, evaluation.error()),
          Incident.Retry.ACTIVATE);
      return false;
    }
    result.completeWith(instance, node, evaluation.output());
    return false;
  }

  @Override
  public void onComplete(ElementInstance instance, FlowNode node) {
    jobWorker.onComplete(instance, node);
  }
}
