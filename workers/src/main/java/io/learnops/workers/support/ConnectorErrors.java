package io.learnops.workers.support;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.learnops.connectors.http.BusinessRejection;
import io.learnops.connectors.http.ConnectorException;
import io.learnops.connectors.http.TechnicalFailure;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place where a connector's {@link ConnectorException} becomes what the engine
 * understands. The starter's exception handling turns the returned {@link CamundaError}s into
 * commands: a {@link BpmnError} into ThrowError, a {@link JobError} into FailJob with its retries
 * and back-off.
 *
 * <ul>
 *   <li>{@link TechnicalFailure}: a job failure with one retry fewer and a back-off: the server's
 *       {@code Retry-After} when it gave one and it is longer, else exponential over the retries
 *       already used. When the retries run out the engine raises an incident.
 *   <li>{@link BusinessRejection} with a BPMN error for it (the contract lists one): that error.
 *   <li>{@link BusinessRejection} without one: a job failure with no retries left (an incident at
 *       once), since sending the same request again would get the same "no".
 * </ul>
 */
public final class ConnectorErrors {

  /** Retries a service task gets in the models ({@code retries="3"}). */
  static final int MODEL_RETRIES = 3;
  static final Duration INITIAL_BACKOFF = Duration.ofSeconds(10);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

  private ConnectorErrors() {
  }

  /** Runs a connector call; every rejection is an incident (no BPMN error for this job type). */
  public static <T> T call(ActivatedJob job, Supplier<T> action) {
    return call(job, action, rejection -> null);
  }

  /**
   * Runs a connector call; {@code onRejection} names the BPMN error for a business rejection, or
   * returns null when the model has none for it.
   */
  public static <T> T call(ActivatedJob job, Supplier<T> action,
      Function<BusinessRejection, BpmnError> onRejection) {
    try {
      return action.get();
    } catch (BusinessRejection rejection) {
      BpmnError error = onRejection.apply(rejection);
      throw error != null ? error : incident(rejection);
    } catch (TechnicalFailure failure) {
      throw failure(job, failure);
    }
  }

  /**
   * The job failure for a technical failure: one retry fewer, with back-off. More results than
   * the worker allows ({@code RESULT_TOO_LARGE}) will not shrink by waiting: no retries left, so
   * the incident asks for narrower criteria at once.
   */
  public static JobError failure(ActivatedJob job, TechnicalFailure failure) {
    int retriesLeft = failure.kind() == TechnicalFailure.Kind.RESULT_TOO_LARGE ? 0
        : Math.max(0, job.getRetries() - 1);
    return CamundaError.jobError(failure.getMessage(), null, retriesLeft,
        backoff(job.getRetries(), failure.retryAfter()), failure);
  }

  /** A business "no" the model does not catch: no retries, so an incident shows the code. */
  public static JobError incident(BusinessRejection rejection) {
    return CamundaError.jobError(rejection.code() + ": " + rejection.getMessage(), null, 0,
        Duration.ZERO, rejection);
  }

  /** A BPMN error carrying the rejection's code and message in {@code variable}. */
  public static BpmnError bpmnError(String errorCode, BusinessRejection rejection,
      String variable) {
    return CamundaError.bpmnError(errorCode, rejection.getMessage(),
        Map.of(variable, rejection.code() + ": " + rejection.getMessage()), rejection);
  }

  /**
   * Back-off before the next attempt: {@link #INITIAL_BACKOFF} doubled per retry already used
   * (counted against {@link #MODEL_RETRIES}), capped at {@link #MAX_BACKOFF}; a longer
   * {@code Retry-After} from the server wins, also capped.
   */
  static Duration backoff(int retriesBeforeThisFailure, Optional<Duration> retryAfter) {
    int used = Math.max(0, MODEL_RETRIES - retriesBeforeThisFailure);
    Duration computed = INITIAL_BACKOFF.multipliedBy(1L << Math.min(used, 16));
    Duration chosen = retryAfter.filter(hint -> hint.compareTo(computed) > 0).orElse(computed);
    return chosen.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : chosen;
  }
}
