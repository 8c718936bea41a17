package io.learnops.engine.bpmn.task;

import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.behavior.IncidentBehavior;
import io.learnops.engine.bpmn.behavior.VariableBehavior;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.feel.ExpressionLanguage.Evaluation;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.Incident;

/**
 * Script tasks. With {@code zeebe:script} the engine evaluates the FEEL expression and the task
 * completes at once with the result variable (it opens no boundary events: it never waits);
 * otherwise a job worker runs the script, as for a service task.
 */
public final class ScriptTaskProcessor implements ElementProcessor {

  private final ExpressionLanguage feel;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final ResultVariable result;
  private final JobWorkerTaskProcessor jobWorker;

  public ScriptTaskProcessor(ExpressionLanguage feel, VariableBehavior variables, IncidentBehavior incidents,
      ResultVariable result, JobWorkerTaskProcessor jobWorker) {
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
    this.result = result;
    this.jobWorker = jobWorker;
  }

  @Override
  public boolean onActivate(ElementInstance instance, FlowNode node) {
    if (node.script().isEmpty()) {
      return jobWorker.onActivate(instance, node);
    }
    final Evaluation value = feel.evaluate(node.script().get(), variables.lookup(instance.key));
    if (value.isFailure()) {
      incidents.raise(instance, Incident.ErrorType.EXTRACT_VALUE_ERROR, value.error(), Incident.Retry.ACTIVATE);
      return false;
    }
    result.completeWith(instance, node, value.value());
    return false;
  }

  @Override
  public void onComplete(ElementInstance instance, FlowNode node) {
    jobWorker.onComplete(instance, node);
  }
}
