package io.learnops.engine.gateway.rest;

import io.camunda.client.protocol.rest.ActivatedJobResult;
import io.camunda.client.protocol.rest.JobActivationRequest;
import io.camunda.client.protocol.rest.JobActivationResult;
import io.camunda.client.protocol.rest.JobChangeset;
import io.camunda.client.protocol.rest.JobCompletionRequest;
import io.camunda.client.protocol.rest.JobErrorRequest;
import io.camunda.client.protocol.rest.JobFailRequest;
import io.camunda.client.protocol.rest.JobKindEnum;
import io.camunda.client.protocol.rest.JobListenerEventTypeEnum;
import io.camunda.client.protocol.rest.JobResult;
import io.camunda.client.protocol.rest.JobResultCorrections;
import io.camunda.client.protocol.rest.JobResultUserTask;
import io.camunda.client.protocol.rest.JobUpdateRequest;
import io.camunda.client.protocol.rest.UserTaskProperties;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.JsonVariables;
import io.learnops.engine.api.Rejection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** {@code /v2/jobs}: activation (long polling), completion, failure, BPMN errors and updates. */
final class JobHandler implements ResourceHandler {

  private static final String JOB_KEY = "jobKey";

  private final EngineApi api;
  private final JsonMapping json;
  private final Executor gatewayExecutor;

  /**
   * @param gatewayExecutor where follow-up commands are sent from, never the engine's thread
   */
  JobHandler(EngineApi api, JsonMapping json, Executor gatewayExecutor) {
    this.api = api;
    this.json = json;
    this.gatewayExecutor = gatewayExecutor;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v2/jobs/activation", this::activate),
        Route.of("POST", "/v2/jobs/{jobKey}/completion", this::complete),
        Route.of("POST", "/v2/jobs/{jobKey}/failure", this::fail),
        Route.of("POST", "/v2/jobs/{jobKey}/error", this::throwError),
        Route.of("PATCH", "/v2/jobs/{jobKey}", this::update));
  }

  private Reply<?> activate(RestRequest request) {
    final JobActivationRequest body =
        json.read(
            request.body(), JobActivationRequest.class, "type", "timeout", "maxJobsToActivate");
    final EngineApi.ActivateJobs command =
        new EngineApi.ActivateJobs(
            Fields.requireText(body.getType(), "type"),
            Objects.requireNonNullElse(body.getWorker(), ""),
            body.getTimeout(),
            body.getMaxJobsToActivate(),
            Fields.orEmpty(body.getFetchVariable()),
            Objects.requireNonNullElse(body.getRequestTimeout(), 0L),
            Fields.tenants(body.getTenantIds()));
    return Reply.json(
            api.activateJobs(command),
            jobs -> new JobActivationResult().jobs(jobs.stream().map(JobHandler::toDto).toList()))
        .within(limits -> limits.activation(command.requestTimeoutMillis()));
  }

  private Reply<?> complete(RestRequest request) {
    final long jobKey = request.pathKey(JOB_KEY);
    final JobCompletionRequest body = json.read(request.body(), JobCompletionRequest.class);
    return Reply.noContent(api.completeJob(jobKey, JsonVariables.orEmpty(body.getVariables()), result(body.getResult())));
  }

  /** A task listener's verdict; ad-hoc sub-process results are refused (no ad-hoc sub-processes here). */
  private static EngineApi.ListenerResult result(JobResult result) {
    if (result == null) {
      return null;
    }
    if (!(result instanceof JobResultUserTask userTask)) {
      throw Rejection.invalidArgument("'result' of type '%s' is not supported by this engine".formatted(result.getType()));
    }
    final Map<String, Object> corrections = new LinkedHashMap<>();
    final JobResultCorrections given = userTask.getCorrections();
    if (given != null) {
      putIfSet(corrections, "assignee", given.getAssignee());
      putIfSet(corrections, "dueDate", given.getDueDate());
      putIfSet(corrections, "followUpDate", given.getFollowUpDate());
      putIfSet(corrections, "candidateUsers", given.getCandidateUsers());
      putIfSet(corrections, "candidateGroups", given.getCandidateGroups());
      putIfSet(corrections, "priority", given.getPriority());
    }
    return new EngineApi.ListenerResult(Boolean.TRUE.equals(userTask.getDenied()), userTask.getDeniedReason(), corrections);
  }

  private static void putIfSet(Map<String, Object> corrections, String attribute, Object value) {
    if (value != null) {
      corrections.put(attribute, value);
    }
  }

  private Reply<?> fail(RestRequest request) {
    final long jobKey = request.pathKey(JOB_KEY);
    final JobFailRequest body = json.read(request.body(), JobFailRequest.class);
    return Reply.noContent(
        api.failJob(
            new EngineApi.FailJob(
                jobKey,
                Objects.requireNonNullElse(body.getRetries(), 0),
                Objects.requireNonNullElse(body.getErrorMessage(), ""),
                Objects.requireNonNullElse(body.getRetryBackOff(), 0L),
                JsonVariables.orEmpty(body.getVariables()))));
  }

  private Reply<?> throwError(RestRequest request) {
    final long jobKey = request.pathKey(JOB_KEY);
    final JobErrorRequest body = json.read(request.body(), JobErrorRequest.class, "errorCode");
    return Reply.noContent(
        api.throwError(
            new EngineApi.ThrowError(
                jobKey,
                Fields.requireText(body.getErrorCode(), "errorCode"),
                Objects.requireNonNullElse(body.getErrorMessage(), ""),
                JsonVariables.orEmpty(body.getVariables()))));
  }

  /**
   * The engine has one command per field, so a changeset with both is two commands: retries first,
   * and the timeout only if the retries were accepted.
   */
  private Reply<?> update(RestRequest request) {
    final long jobKey = request.pathKey(JOB_KEY);
    final JobChangeset changeset =
        json.read(request.body(), JobUpdateRequest.class, "changeset").getChangeset();
    final Integer retries = changeset.getRetries();
    final Long timeout = changeset.getTimeout();
    if (retries == null && timeout == null) {
      throw Rejection.invalidArgument(
          "Expected 'changeset' to contain 'retries' or 'timeout', but it has neither");
    }
    if (timeout == null) {
      return Reply.noContent(api.updateJobRetries(jobKey, retries));
    }
    if (retries == null) {
      return Reply.noContent(api.updateJobTimeout(jobKey, timeout));
    }
    final CompletableFuture<Void> both =
        api.updateJobRetries(jobKey, retries)
            .thenComposeAsync(ignored -> api.updateJobTimeout(jobKey, timeout), gatewayExecutor);
    return Reply.noContent(both);
  }

  private static ActivatedJobResult toDto(EngineApi.ActivatedJob job) {
    return new ActivatedJobResult()
        .jobKey(String.valueOf(job.key()))
        .type(job.type())
        .processInstanceKey(String.valueOf(job.processInstanceKey()))
        .processDefinitionId(job.bpmnProcessId())
        .processDefinitionVersion(job.processDefinitionVersion())
        .processDefinitionKey(String.valueOf(job.processDefinitionKey()))
        .elementId(job.elementId())
        .elementInstanceKey(String.valueOf(job.elementInstanceKey()))
        .customHeaders(new LinkedHashMap<>(job.customHeaders()))
        .worker(job.worker())
        .retries(job.retries())
        .deadline(job.deadline())
        .variables(job.variables())
        .tenantId(job.tenantId())
        .kind(JobKindEnum.fromValue(job.kind()))
        .listenerEventType(JobListenerEventTypeEnum.fromValue(job.listenerEventType()))
        .userTask(job.userTask().map(JobHandler::toDto).orElse(null));
  }

  private static UserTaskProperties toDto(EngineApi.UserTaskProperties task) {
    return new UserTaskProperties()
        .userTaskKey(String.valueOf(task.userTaskKey()))
        .action(task.action())
        .assignee(task.assignee())
        .candidateGroups(task.candidateGroups())
        .candidateUsers(task.candidateUsers())
        .changedAttributes(task.changedAttributes())
        .dueDate(task.dueDate())
        .followUpDate(task.followUpDate())
        .formKey(task.formKey() < 0 ? null : String.valueOf(task.formKey()))
        .priority(task.priority());
  }
}
