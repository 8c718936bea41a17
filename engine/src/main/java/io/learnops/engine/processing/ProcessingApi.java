package io.learnops.engine.processing;

import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.JsonVariables;
import io.learnops.engine.api.Rejection;
import io.learnops.engine.state.Form;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@link EngineApi} on top of the command processor: checks what can be checked without the
 * state, then submits the command.
 */
public final class ProcessingApi implements EngineApi {

  private final CommandProcessor processor;
  private final Supplier<Topology> topology;
  private final Duration defaultLongPolling;
  /** how long a user task command waits for the task's listeners before giving up, as a gateway would */
  private static final Duration USER_TASK_COMMAND_TIMEOUT = Duration.ofSeconds(30);
  private static final long LONG_POLL_MARGIN_MILLIS = 1_000;

  public ProcessingApi(CommandProcessor processor, Supplier<Topology> topology, Duration defaultLongPolling) {
    this.processor = processor;
    this.topology = topology;
    this.defaultLongPolling = defaultLongPolling;
  }

  @Override
  public CompletableFuture<Topology> topology() {
    return CompletableFuture.completedFuture(topology.get());
  }

  @Override
  public CompletableFuture<DeploymentResult> deploy(Deploy command) {
    final List<EngineCommand.Resource> resources = command.resources().stream()
        .map(r -> new EngineCommand.Resource(r.name(), r.content()))
        .toList();
    return processor.submit(new EngineCommand.Deploy(resources, tenant(command.tenantId())));
  }

  @Override
  public CompletableFuture<ProcessInstanceCreated> createProcessInstance(CreateProcessInstance command) {
    return processor.submit(toCommand(command));
  }

  @Override
  public CompletableFuture<ProcessInstanceResult> createProcessInstanceWithResult(
      CreateProcessInstance command, long requestTimeoutMillis, List<String> fetchVariables) {
    final long timeout = requestTimeoutMillis > 0 ? requestTimeoutMillis : Duration.ofMinutes(1).toMillis();
    return processor.submitWithResult(toCommand(command), fetchVariables, timeout);
  }

  private EngineCommand.CreateInstance toCommand(CreateProcessInstance command) {
    return new EngineCommand.CreateInstance(command.bpmnProcessId(), command.version(), command.processDefinitionKey(),
        JsonVariables.orEmpty(command.variables()), tenant(command.tenantId()));
  }

  @Override
  public CompletableFuture<Void> cancelProcessInstance(long processInstanceKey) {
    return processor.submit(new EngineCommand.CancelInstance(processInstanceKey));
  }

  @Override
  public CompletableFuture<List<ActivatedJob>> activateJobs(ActivateJobs command) {
    requireText(command.type(), "type");
    if (command.maxJobsToActivate() < 1) {
      throw Rejection.invalidArgument(
          "Expected maxJobsToActivate to be greater than zero, but was %d".formatted(command.maxJobsToActivate()));
    }
    if (command.timeoutMillis() < 1) {
      throw Rejection.invalidArgument("Expected timeout to be greater than zero, but was %d".formatted(command.timeoutMillis()));
    }
    final long requested = command.requestTimeoutMillis() == 0 ? defaultLongPolling.toMillis() : command.requestTimeoutMillis();
    // Answer an empty poll a little before the client's own deadline (its request timeout plus a
    // small offset), so that a busy machine never turns an empty poll into a client-side timeout.
    final long longPoll = requested - Math.min(LONG_POLL_MARGIN_MILLIS, requested / 10);
    return processor.submitActivation(
        new EngineCommand.ActivateJobs(command.type(), worker(command.worker()), command.timeoutMillis(),
            command.maxJobsToActivate(), tenants(command.tenantIds())),
        orEmpty(command.fetchVariables()), longPoll);
  }

  @Override
  public JobStreamHandle openJobStream(JobStreamRequest request, JobSink sink) {
    requireText(request.type(), "type");
    return processor.openStream(new JobStreamRequest(request.type(), worker(request.worker()), request.timeoutMillis(),
        orEmpty(request.fetchVariables()), tenants(request.tenantIds())), sink);
  }

  @Override
  public CompletableFuture<Void> completeJob(long jobKey, Map<String, Object> variables, ListenerResult result) {
    return processor.submit(new EngineCommand.CompleteJob(jobKey, JsonVariables.orEmpty(variables), result));
  }

  @Override
  public CompletableFuture<Void> assignUserTask(long userTaskKey, String assignee, boolean allowOverride, String action) {
    return processor.submitUserTaskCommand(
        new EngineCommand.AssignUserTask(userTaskKey, assignee == null ? "" : assignee, allowOverride, action),
        USER_TASK_COMMAND_TIMEOUT.toMillis());
  }

  @Override
  public CompletableFuture<Void> updateUserTask(long userTaskKey, Map<String, Object> changes, String action) {
    return processor.submitUserTaskCommand(
        new EngineCommand.UpdateUserTask(userTaskKey, changes == null ? Map.of() : changes, action),
        USER_TASK_COMMAND_TIMEOUT.toMillis());
  }

  @Override
  public CompletableFuture<Void> completeUserTask(long userTaskKey, Map<String, Object> variables, String action) {
    return processor.submitUserTaskCommand(
        new EngineCommand.CompleteUserTask(userTaskKey, JsonVariables.orEmpty(variables), action),
        USER_TASK_COMMAND_TIMEOUT.toMillis());
  }

  @Override
  public CompletableFuture<Optional<FormView>> form(long formKey) {
    return processor.read(state -> state.form(formKey).map(ProcessingApi::view));
  }

  static FormView view(Form form) {
    return new FormView(form.formId, form.version, form.key, form.resourceName, form.schema, form.tenantId);
  }

  @Override
  public CompletableFuture<Void> failJob(FailJob command) {
    return processor.submit(new EngineCommand.FailJob(command.jobKey(), command.retries(), command.errorMessage(),
        command.retryBackOffMillis(), JsonVariables.orEmpty(command.variables())));
  }

  @Override
  public CompletableFuture<Void> throwError(ThrowError command) {
    requireText(command.errorCode(), "errorCode");
    return processor.submit(new EngineCommand.ThrowError(command.jobKey(), command.errorCode(), command.errorMessage(),
        JsonVariables.orEmpty(command.variables())));
  }

  @Override
  public CompletableFuture<Void> updateJobRetries(long jobKey, int retries) {
    return processor.submit(new EngineCommand.UpdateJobRetries(jobKey, retries));
  }

  @Override
  public CompletableFuture<Void> updateJobTimeout(long jobKey, long timeoutMillis) {
    return processor.submit(new EngineCommand.UpdateJobTimeout(jobKey, timeoutMillis));
  }

  @Override
  public CompletableFuture<MessagePublished> publishMessage(PublishMessage command) {
    requireText(command.name(), "name");
    return processor.submit(new EngineCommand.PublishMessage(command.name(), command.correlationKey(),
        command.timeToLiveMillis(), command.messageId(), JsonVariables.orEmpty(command.variables()),
        tenant(command.tenantId())));
  }

  @Override
  public CompletableFuture<MessageCorrelated> correlateMessage(CorrelateMessage command) {
    requireText(command.name(), "name");
    return processor.submit(new EngineCommand.CorrelateMessage(command.name(), command.correlationKey(),
        JsonVariables.orEmpty(command.variables()), tenant(command.tenantId())));
  }

  @Override
  public CompletableFuture<Long> setVariables(SetVariables command) {
    return processor.submit(new EngineCommand.SetVariables(command.elementInstanceKey(),
        JsonVariables.orEmpty(command.variables()), command.local()));
  }

  @Override
  public CompletableFuture<Long> broadcastSignal(BroadcastSignal command) {
    requireText(command.signalName(), "signalName");
    return processor.submit(new EngineCommand.BroadcastSignal(command.signalName(),
        JsonVariables.orEmpty(command.variables()), tenant(command.tenantId())));
  }

  @Override
  public CompletableFuture<DecisionEvaluated> evaluateDecision(EvaluateDecision command) {
    if (command.decisionKey() <= 0) {
      requireText(command.decisionId(), "decisionId");
    }
    return processor.submit(new EngineCommand.EvaluateDecision(command.decisionId(), command.decisionKey(),
        JsonVariables.orEmpty(command.variables()), tenant(command.tenantId())));
  }

  @Override
  public CompletableFuture<Void> resolveIncident(long incidentKey) {
    return processor.submit(new EngineCommand.ResolveIncident(incidentKey));
  }

  private static String tenant(String tenantId) {
    return tenantId == null || tenantId.isBlank() ? DEFAULT_TENANT : tenantId;
  }

  private static List<String> tenants(List<String> tenantIds) {
    return tenantIds == null || tenantIds.isEmpty() ? List.of() : List.copyOf(tenantIds);
  }

  private static String worker(String worker) {
    return worker == null ? "" : worker;
  }

  private static List<String> orEmpty(List<String> names) {
    return names == null ? List.of() : List.copyOf(names);
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw Rejection.invalidArgument("Expected '%s' to be a non-empty string, but it was empty".formatted(field));
    }
  }
}
