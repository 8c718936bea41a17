package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.bpmn.Effects;
import io.learnops.engine.bpmn.RecordWriter;
import io.learnops.engine.feel.Expression;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.feel.ExpressionLanguage.Evaluation;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.record.Intent.JobIntent;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Incident;
import io.learnops.engine.state.Job;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Jobs: the work an element hands to a worker (a service, send or message throw element), and the
 * blocking jobs of execution and task listeners. A job's type and retries are expressions; if they
 * cannot be evaluated, the element gets an incident instead of a job. Creating a job tells long
 * polls and job streams that its type has work ({@link Effects#activatableJobTypes}).
 */
public final class JobBehavior {

  /**
   * What a job is for: its type and retries (expressions), headers, and kind of work; for a
   * listener, its event type, and for a task listener, its user task. {@code retryOnFailure} is the
   * step an incident on the type or retries runs again once resolved.
   */
  public record JobSpec(Expression type, Expression retries, Map<String, String> headers, String kind,
      String listenerEventType, Incident.Retry retryOnFailure, long userTaskKey) {}

  private final EngineState state;
  private final ExpressionLanguage feel;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final StateTransitions transitions;
  private final RecordWriter records;
  private final Effects effects;

  public JobBehavior(EngineState state, ExpressionLanguage feel, VariableBehavior variables, IncidentBehavior incidents,
      StateTransitions transitions, RecordWriter records, Effects effects) {
    this.state = state;
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
    this.transitions = transitions;
    this.records = records;
    this.effects = effects;
  }

  /** Creates the job the element waits for, or raises an incident if its type or retries cannot be evaluated. */
  public void create(ElementInstance instance, JobSpec spec) {
    prepare(instance, spec).ifPresent(this::store);
  }

  /** A job-based element is ACTIVATED, then its job is created, as Zeebe writes them. */
  public void activateWithJob(ElementInstance instance, FlowNode node) {
    prepare(instance, new JobSpec(node.job().type(), node.job().retries(), node.job().headers(),
        "BPMN_ELEMENT", "UNSPECIFIED", Incident.Retry.ACTIVATE, -1)).ifPresent(job -> {
          transitions.transition(instance, ElementState.ACTIVATED);
          store(job);
        });
  }

  /** The element no longer waits for its job (the job's applier forgets it on the element). */
  public void cancel(ElementInstance instance) {
    final Job job = state.jobs.get(instance.jobKey);
    if (job != null) {
      records.write(job.key, JobIntent.CANCELED, job.toValue());
    }
  }

  /** Evaluates the job's type and retries into a job not stored yet; raises an incident if it cannot. */
  private Optional<Job> prepare(ElementInstance instance, JobSpec spec) {
    final Evaluation type = feel.evaluate(spec.type(), variables.lookup(instance.key));
    final Evaluation retries = feel.evaluate(spec.retries(), variables.lookup(instance.key));
    final String failure = type.isFailure() ? type.error()
        : retries.isFailure() ? retries.error()
        : !(type.value() instanceof String) ? "Expected the job type of '%s' to be a string, but was '%s'".formatted(instance.elementId, type.value())
        : asInt(retries.value()).isEmpty() ? "Expected the job retries of '%s' to be a number, but was '%s'".formatted(instance.elementId, retries.value())
        : null;
    if (failure != null) {
      incidents.raise(instance, Incident.ErrorType.EXTRACT_VALUE_ERROR, failure, spec.retryOnFailure());
      return Optional.empty();
    }
    final Job job = new Job();
    job.key = state.nextKey();
    job.type = (String) type.value();
    job.state = Job.State.ACTIVATABLE;
    job.retries = asInt(retries.value()).orElseThrow();
    job.customHeaders = spec.headers();
    job.kind = spec.kind();
    job.listenerEventType = spec.listenerEventType();
    job.elementInstanceKey = instance.key;
    job.elementId = instance.elementId;
    job.processInstanceKey = instance.processInstanceKey;
    job.processDefinitionKey = instance.processDefinitionKey;
    job.bpmnProcessId = instance.bpmnProcessId;
    job.processDefinitionVersion = instance.version;
    job.tenantId = instance.tenantId;
    job.userTaskKey = spec.userTaskKey();
    return Optional.of(job);
  }

  private void store(Job job) {
    records.write(job.key, JobIntent.CREATED, job.toValue());
    effects.activatableJobTypes.add(job.type);
  }

  private static Optional<Integer> asInt(Object value) {
    if (value instanceof Number number) {
      return Optional.of(number.intValue());
    }
    if (value instanceof String text) {
      try {
        return Optional.of(new BigDecimal(text.strip()).intValueExact());
      } catch (ArithmeticException | NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
