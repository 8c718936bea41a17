package io.learnops.engine.processing;

import io.learnops.engine.api.EngineApi.ActivatedJob;
import io.learnops.engine.api.Rejection;
import io.learnops.engine.bpmn.BpmnExecutor;
import io.learnops.engine.bpmn.Effects;
import io.learnops.engine.api.EngineApi.ListenerResult;
import io.learnops.engine.api.EngineApi.UserTaskProperties;
import io.learnops.engine.processing.EngineCommand.ActivateJobs;
import io.learnops.engine.processing.EngineCommand.FailJob;
import io.learnops.engine.processing.EngineCommand.ThrowError;
import io.learnops.engine.record.Intent.JobIntent;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Incident;
import io.learnops.engine.state.Job;
import io.learnops.engine.state.UserTask;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The job lifecycle: activatable → activated (for a worker, until a deadline) → completed, failed
 * (retry now, after a back-off, or raise an incident when no retries are left) or error thrown.
 * A job whose deadline passes becomes activatable again: workers get jobs at least once.
 */
final class JobProcessor {

  private final EngineState state;
  private final BpmnExecutor executor;
  private final Effects effects;

  JobProcessor(EngineState state, BpmnExecutor executor, Effects effects) {
    this.state = state;
    this.executor = executor;
    this.effects = effects;
  }

  /** Activates up to {@code maxJobs} jobs of the type; returns their keys, oldest first. */
  List<Long> activate(ActivateJobs command) {
    final List<Job> activatable = new ArrayList<>();
    final Iterator<Long> candidates = state.activatableJobs(command.type()).iterator();
    while (candidates.hasNext() && activatable.size() < command.maxJobs()) {
      final Job job = state.jobs.get(candidates.next());
      if (command.tenantIds().isEmpty() || command.tenantIds().contains(job.tenantId)) {
        activatable.add(job);
      }
    }
    final long deadline = executor.now() + command.timeoutMillis();
    final List<Long> activated = new ArrayList<>(activatable.size());
    for (final Job job : activatable) {
      executor.write(job.key, JobIntent.ACTIVATED, job.toValue().activated(command.worker(), deadline));
      activated.add(job.key);
    }
    return activated;
  }

  ActivatedJob describe(long jobKey, List<String> fetchVariables) {
    final Job job = state.jobs.get(jobKey);
    final Optional<UserTask> task = Optional.ofNullable(state.userTasks.get(job.userTaskKey)).filter(t -> job.isTaskListener());
    final Map<String, Object> variables = task.map(t -> withCompletionVariables(job, t, fetchVariables))
        .orElseGet(() -> executor.visibleVariables(job.elementInstanceKey, fetchVariables));
    final Optional<UserTaskProperties> userTask = task.map(UserTaskProperties::of);
    return new ActivatedJob(job.key, job.type, job.processInstanceKey, job.bpmnProcessId, job.processDefinitionVersion,
        job.processDefinitionKey, job.elementId, job.elementInstanceKey, job.customHeaders, job.worker, job.retries,
        job.deadline, variables, job.tenantId, job.kind, job.listenerEventType, userTask);
  }

  /**
   * A task listener sees the variables in the task's scope; a completing listener also sees the
   * variables the task is being completed with, over those, as in Zeebe: it is the listener's one
   * chance to look at (and deny) what the person entered.
   */
  private Map<String, Object> withCompletionVariables(Job job, UserTask task, List<String> fetchVariables) {
    final Map<String, Object> variables = new LinkedHashMap<>(executor.visibleVariables(job.elementInstanceKey, fetchVariables));
    if (task.state == UserTask.State.COMPLETING) {
      task.pendingVariables.forEach((name, value) -> {
        if (fetchVariables.isEmpty() || fetchVariables.contains(name)) {
          variables.put(name, value);
        }
      });
    }
    return variables;
  }

  /**
   * Completes a job: a task's job completes the task; a listener's job lets its element or user
   * task go on. Only task listeners may send a result (a denial or corrections), and they may not
   * send variables.
   */
  void complete(long jobKey, Map<String, Object> variables, ListenerResult verdict) {
    final Job job = existing(jobKey, "complete");
    requireNotFailed(job, "complete");
    final ListenerResult result = verdict == null ? ListenerResult.NONE : verdict;
    if (job.isTaskListener()) {
      if (!variables.isEmpty()) {
        throw Rejection.invalidArgument(("Expected to complete task listener job %d without variables, but it had some; "
            + "a task listener changes a user task through corrections in the job result").formatted(jobKey));
      }
      executor.userTasks().refusal(job, result).ifPresent(reason -> {
        throw Rejection.invalidArgument("Expected a valid result for task listener job %d, but %s".formatted(jobKey, reason));
      });
    } else if (verdict != null && (verdict.denied() || !result.corrections().isEmpty())) {
      throw Rejection.invalidArgument(
          "Expected a job result with a denial or corrections only for task listener jobs, but job %d is a %s job"
              .formatted(jobKey, job.kind));
    }
    final ElementInstance element = state.elementInstances.get(job.elementInstanceKey);
    executor.write(job.key, JobIntent.COMPLETED, job.toValue());
    if (job.isTaskListener()) {
      executor.userTasks().listenerCompleted(job, result);
    } else if (job.isExecutionListener()) {
      executor.completeExecutionListener(element, job.listenerEventType, variables);
    } else {
      executor.completeTask(element, variables);
    }
  }

  void fail(FailJob command) {
    final Job job = existing(command.jobKey(), "fail");
    requireNotFailed(job, "fail");
    final String errorMessage = command.errorMessage() == null ? "" : command.errorMessage();
    final boolean backOff = command.retries() > 0 && command.retryBackOffMillis() > 0;
    executor.setLocalVariables(job.elementInstanceKey, command.variables());
    executor.write(job.key, JobIntent.FAILED, job.toValue().released(command.retries(), errorMessage,
        backOff ? executor.now() + command.retryBackOffMillis() : -1));
    if (command.retries() <= 0) {
      final String message = errorMessage.isBlank() ? "No more retries left." : errorMessage;
      final Incident.ErrorType type = job.isTaskListener() ? Incident.ErrorType.TASK_LISTENER_NO_RETRIES
          : job.isExecutionListener() ? Incident.ErrorType.EXECUTION_LISTENER_NO_RETRIES
          : Incident.ErrorType.JOB_NO_RETRIES;
      executor.raiseIncident(elementOf(job), type, message, Incident.Retry.JOB, job.key);
    } else if (!backOff) {
      effects.activatableJobTypes.add(job.type);
    }
  }

  void throwError(ThrowError command) {
    final Job job = existing(command.jobKey(), "throw an error for");
    requireNotFailed(job, "throw an error for");
    if (!"BPMN_ELEMENT".equals(job.kind)) {
      throw Rejection.invalidState("Expected to throw a BPMN error for job %d, but it is a %s job; listeners cannot throw errors"
          .formatted(job.key, job.kind));
    }
    final ElementInstance task = task(job);
    final String errorMessage = command.errorMessage() == null ? "" : command.errorMessage();
    executor.write(job.key, JobIntent.ERROR_THROWN, job.toValue().withErrorMessage(errorMessage));
    if (executor.throwError(task, command.errorCode(), command.variables())) {
      return; // the catch terminated the task, and its job with it
    }
    executor.raiseIncident(task, Incident.ErrorType.UNHANDLED_ERROR_EVENT,
        "Expected to throw an error event with the code '%s'%s, but it was not caught. No error events are available in the scope."
            .formatted(command.errorCode(), errorMessage.isBlank() ? "" : " with message '%s'".formatted(errorMessage)),
        Incident.Retry.JOB, job.key);
  }

  void updateRetries(long jobKey, int retries) {
    if (retries < 1) {
      throw Rejection.invalidArgument("Expected retries to be at least 1, but was %d (job %d)".formatted(retries, jobKey));
    }
    final Job job = existing(jobKey, "update the retries of");
    executor.write(job.key, JobIntent.RETRIES_UPDATED, job.toValue().withRetries(retries));
  }

  void updateTimeout(long jobKey, long timeoutMillis) {
    final Job job = existing(jobKey, "update the timeout of");
    if (job.state != Job.State.ACTIVATED) {
      throw Rejection.invalidState(
          "Expected to update the timeout of job %d, but it is not activated (it is %s)".formatted(jobKey, job.state));
    }
    executor.write(job.key, JobIntent.TIMEOUT_UPDATED, job.toValue().withDeadline(executor.now() + timeoutMillis));
  }

  void yield(long jobKey) {
    release(jobKey, Job.State.ACTIVATED, job -> true, JobIntent.YIELDED);
  }

  void timeOut(List<Long> jobKeys) {
    jobKeys.forEach(key -> release(key, Job.State.ACTIVATED, job -> job.deadline <= executor.now(), JobIntent.TIMED_OUT));
  }

  void recur(List<Long> jobKeys) {
    jobKeys.forEach(key -> release(key, Job.State.BACKING_OFF, job -> job.recurAt <= executor.now(),
        JobIntent.RECURRED_AFTER_BACKOFF));
  }

  /** Makes a job activatable again if it is still in the state (and past the time) that called for it. */
  private void release(long jobKey, Job.State expected, Predicate<Job> due, JobIntent intent) {
    final Job job = state.jobs.get(jobKey);
    if (job != null && job.state == expected && due.test(job)) {
      executor.write(job.key, intent, job.toValue().released(job.retries, job.errorMessage, -1));
      effects.activatableJobTypes.add(job.type);
    }
  }

  /**
   * Checks that resolving a job's incident can hand the job back to workers: it needs retries
   * for that. The incident's resolution itself makes the job activatable.
   */
  void checkResolvable(Incident incident) {
    final Job job = state.jobs.get(incident.jobKey);
    if (job != null && job.retries <= 0 && incident.errorType == Incident.ErrorType.JOB_NO_RETRIES) {
      throw Rejection.invalidState(
          "Expected to resolve incident %d, but job %d has no retries left; update its retries first"
              .formatted(incident.key, job.key));
    }
  }

  /** After a job's incident was resolved: workers waiting for its type may take it. */
  void resolved(Incident incident) {
    final Job job = state.jobs.get(incident.jobKey);
    if (job != null) {
      effects.activatableJobTypes.add(job.type);
    }
  }

  private Job existing(long jobKey, String action) {
    final Job job = state.jobs.get(jobKey);
    if (job == null) {
      throw Rejection.notFound(
          "Expected to %s job with key '%d', but no such job was found (it may be completed or canceled)".formatted(action, jobKey));
    }
    if (state.isBanned(job.processInstanceKey)) {
      throw Rejection.invalidState(("Expected to %s job with key '%d', but its process instance %d is banned: "
          + "processing a command for it failed unexpectedly before; see the engine log")
          .formatted(action, jobKey, job.processInstanceKey));
    }
    return job;
  }

  private static void requireNotFailed(Job job, String action) {
    if (job.state == Job.State.FAILED) {
      throw Rejection.invalidState(
          "Expected to %s job with key '%d', but it is failed and has an open incident".formatted(action, job.key));
    }
  }

  private ElementInstance task(Job job) {
    return state.elementInstances.get(job.elementInstanceKey);
  }

  /**
   * The element a job belongs to. A canceling listener's job outlives its element; its incident
   * still names the element it ran for.
   */
  private ElementInstance elementOf(Job job) {
    final ElementInstance element = task(job);
    if (element != null) {
      return element;
    }
    final ElementInstance gone = new ElementInstance();
    gone.key = job.elementInstanceKey;
    gone.elementId = job.elementId;
    gone.processInstanceKey = job.processInstanceKey;
    gone.processDefinitionKey = job.processDefinitionKey;
    gone.bpmnProcessId = job.bpmnProcessId;
    gone.tenantId = job.tenantId;
    return gone;
  }
}
