package io.learnops.engine.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The commands and queries the gateways (gRPC and REST v2) translate their requests into.
 *
 * <p>Every future completes after the command's effects are durable (journal fsync) and is
 * completed on the engine's processing thread: callers must not block in their callbacks. A
 * rejected command completes exceptionally with a {@link Rejection}; nothing of it was applied.
 * Variables are JSON objects already parsed into plain Java values (maps, lists, strings, numbers,
 * booleans, null); see {@link JsonVariables}.
 */
public interface EngineApi {

  String DEFAULT_TENANT = "<default>";

  CompletableFuture<Topology> topology();

  CompletableFuture<DeploymentResult> deploy(Deploy command);

  CompletableFuture<ProcessInstanceCreated> createProcessInstance(CreateProcessInstance command);

  /**
   * Creates an instance and completes when it completes (or fails with {@link
   * Rejection.Type#DEADLINE_EXCEEDED} after {@code requestTimeoutMillis}).
   */
  CompletableFuture<ProcessInstanceResult> createProcessInstanceWithResult(
      CreateProcessInstance command, long requestTimeoutMillis, List<String> fetchVariables);

  CompletableFuture<Void> cancelProcessInstance(long processInstanceKey);

  /**
   * Activates up to {@code maxJobsToActivate} jobs. If none is activatable the request is parked
   * (long polling) until one is, or until its request timeout passes; then it completes with an
   * empty list.
   */
  CompletableFuture<List<ActivatedJob>> activateJobs(ActivateJobs command);

  /**
   * Opens a job stream: every job of the type that becomes activatable is activated for this
   * stream and pushed to the sink while the sink is ready. Close the handle when the client goes
   * away; call {@link JobStreamHandle#resume()} when a sink that was not ready is ready again.
   */
  JobStreamHandle openJobStream(JobStreamRequest request, JobSink sink);

  /** @param result a task listener's verdict on its user task transition; null for other jobs */
  CompletableFuture<Void> completeJob(long jobKey, Map<String, Object> variables, ListenerResult result);

  CompletableFuture<Void> failJob(FailJob command);

  CompletableFuture<Void> throwError(ThrowError command);

  CompletableFuture<Void> updateJobRetries(long jobKey, int retries);

  CompletableFuture<Void> updateJobTimeout(long jobKey, long timeoutMillis);

  CompletableFuture<MessagePublished> publishMessage(PublishMessage command);

  /**
   * Correlates a message to one waiting instance (or starts one) at once; fails with {@link
   * Rejection.Type#NOT_FOUND} when nothing waits for it. Never buffered.
   */
  CompletableFuture<MessageCorrelated> correlateMessage(CorrelateMessage command);

  CompletableFuture<Long> setVariables(SetVariables command);

  CompletableFuture<Long> broadcastSignal(BroadcastSignal command);

  CompletableFuture<Void> resolveIncident(long incidentKey);

  // ---- user tasks ----------------------------------------------------------------------

  /**
   * Assigns a user task (an empty assignee unassigns it). Like the other user task commands, it
   * completes when the transition took effect, after the task's listeners, or fails with {@link
   * Rejection.Type#INVALID_STATE} if a listener denied it.
   */
  CompletableFuture<Void> assignUserTask(long userTaskKey, String assignee, boolean allowOverride, String action);

  /** @param changes by the REST changeset names: dueDate, followUpDate, candidateGroups, candidateUsers, priority */
  CompletableFuture<Void> updateUserTask(long userTaskKey, Map<String, Object> changes, String action);

  CompletableFuture<Void> completeUserTask(long userTaskKey, Map<String, Object> variables, String action);

  CompletableFuture<java.util.Optional<FormView>> form(long formKey);

  /** Evaluates the latest version of a decision (or the one with the key); changes no state. */
  CompletableFuture<DecisionEvaluated> evaluateDecision(EvaluateDecision command);

  // ---- commands -------------------------------------------------------------------------

  record Deploy(List<Resource> resources, String tenantId) {}

  record Resource(String name, byte[] content) {}

  /**
   * Start an instance of the definition with {@code processDefinitionKey} if it is positive,
   * otherwise of {@code bpmnProcessId} in {@code version} ({@code -1}: the latest).
   */
  record CreateProcessInstance(
      String bpmnProcessId,
      int version,
      long processDefinitionKey,
      Map<String, Object> variables,
      String tenantId) {
    public static final int LATEST_VERSION = -1;
  }

  /**
   * @param timeoutMillis how long the job stays activated for this worker
   * @param fetchVariables names to fetch; empty fetches all
   * @param requestTimeoutMillis long-polling time; 0 means the engine default, negative means
   *     answer at once
   */
  record ActivateJobs(
      String type,
      String worker,
      long timeoutMillis,
      int maxJobsToActivate,
      List<String> fetchVariables,
      long requestTimeoutMillis,
      List<String> tenantIds) {}

  record JobStreamRequest(
      String type,
      String worker,
      long timeoutMillis,
      List<String> fetchVariables,
      List<String> tenantIds) {}

  /** Receives jobs activated for a stream. */
  @FunctionalInterface
  interface JobSink {
    /**
     * @return false if the job could not be handed to the client; the engine then makes it
     *     activatable again
     */
    boolean push(ActivatedJob job);

    /**
     * Whether the client can take a job now (flow control). While it cannot, the engine offers
     * jobs to other workers instead and passes this sink over until {@link JobStreamHandle#resume()}.
     */
    default boolean isReady() {
      return true;
    }
  }

  /** The engine's side of an open job stream. */
  interface JobStreamHandle extends AutoCloseable {
    /** The sink can take jobs again: the engine offers it the activatable jobs of its type. */
    void resume();

    /** The client went away: no more jobs for this stream. */
    @Override
    void close();
  }

  record FailJob(
      long jobKey,
      int retries,
      String errorMessage,
      long retryBackOffMillis,
      Map<String, Object> variables) {}

  record ThrowError(
      long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {}

  /**
   * @param timeToLiveMillis how long the message stays buffered for subscriptions opened later
   * @param messageId optional; a second message with the same id is rejected while buffered
   */
  record PublishMessage(
      String name,
      String correlationKey,
      long timeToLiveMillis,
      String messageId,
      Map<String, Object> variables,
      String tenantId) {}

  record CorrelateMessage(String name, String correlationKey, Map<String, Object> variables, String tenantId) {}

  record SetVariables(long elementInstanceKey, Map<String, Object> variables, boolean local) {}

  record BroadcastSignal(String signalName, Map<String, Object> variables, String tenantId) {}

  /** Evaluate the decision with {@code decisionKey} if it is positive, otherwise the latest {@code decisionId}. */
  record EvaluateDecision(String decisionId, long decisionKey, Map<String, Object> variables, String tenantId) {}

  // ---- results --------------------------------------------------------------------------

  /**
   * @param lastCompletedChangeId the last cluster change (a purge) that has finished; Camunda
   *     Process Test polls it on {@code /v2/topology} to know that its purge is done
   */
  /** @param healthy whether the partition processes commands; false once processing stopped */
  record Topology(
      int clusterSize,
      int partitionsCount,
      int replicationFactor,
      String gatewayVersion,
      String brokerHost,
      int brokerPort,
      long lastCompletedChangeId,
      boolean healthy) {}

  record DeploymentResult(
      long deploymentKey, List<DeployedProcess> processes, List<DeployedDecision> decisions, List<FormView> forms,
      String tenantId) {}

  /** A deployed form: its id, version, key and its schema (the JSON of the {@code .form} file). */
  record FormView(String formId, int version, long formKey, String resourceName, String schema, String tenantId) {}

  /** A task listener's verdict: deny the transition, or correct attributes (REST names). */
  record ListenerResult(boolean denied, String deniedReason, Map<String, Object> corrections) {
    public static final ListenerResult NONE = new ListenerResult(false, null, Map.of());

    public ListenerResult {
      corrections = corrections == null ? Map.of() : corrections;
    }
  }

  /** What a task listener's job tells about its user task, as the job record's userTask property. */
  record UserTaskProperties(
      long userTaskKey, String action, String assignee, List<String> candidateGroups, List<String> candidateUsers,
      List<String> changedAttributes, String dueDate, String followUpDate, long formKey, int priority) {

    public static UserTaskProperties of(io.learnops.engine.state.UserTask task) {
      return new UserTaskProperties(task.key, task.action,
          task.state == io.learnops.engine.state.UserTask.State.ASSIGNING ? task.pendingAssignee : task.assignee,
          List.copyOf(task.candidateGroups), List.copyOf(task.candidateUsers), List.copyOf(task.changedAttributes),
          task.dueDate, task.followUpDate, task.formKey, task.priority);
    }
  }


  /** A decision and the requirements graph (DMN resource) it was deployed in. */
  record DeployedDecision(
      String decisionId,
      String decisionName,
      int version,
      long decisionKey,
      String decisionRequirementsId,
      long decisionRequirementsKey,
      String decisionRequirementsName,
      int decisionRequirementsVersion,
      String resourceName,
      String tenantId) {}

  /**
   * @param evaluationKey identifies this evaluation, as Zeebe's decision evaluation record key
   * @param output the decision's output as a plain Java value (JSON-shaped)
   */
  record DecisionEvaluated(long evaluationKey, DeployedDecision decision, Object output, List<EvaluatedInput> inputs,
      List<MatchedRule> matchedRules) {}

  /** An input of a decision table and the value it had (plain Java, JSON-shaped). */
  record EvaluatedInput(String inputId, String inputName, Object value) {}

  /** An output of a matched rule and its value. */
  record EvaluatedOutput(String outputId, String outputName, Object value) {}

  /** A rule of a decision table that matched, with its 1-based position in the table. */
  record MatchedRule(String ruleId, int ruleIndex, List<EvaluatedOutput> outputs) {}

  record DeployedProcess(
      String bpmnProcessId,
      int version,
      long processDefinitionKey,
      String resourceName,
      String tenantId) {}

  record ProcessInstanceCreated(
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      long processInstanceKey,
      String tenantId) {}

  record ProcessInstanceResult(ProcessInstanceCreated instance, Map<String, Object> variables) {}

  /**
   * @param deadline epoch millis at which the activation expires
   * @param kind {@code BPMN_ELEMENT}, {@code EXECUTION_LISTENER} or {@code TASK_LISTENER}
   * @param listenerEventType {@code UNSPECIFIED} for BPMN element jobs
   */
  record ActivatedJob(
      long key,
      String type,
      long processInstanceKey,
      String bpmnProcessId,
      int processDefinitionVersion,
      long processDefinitionKey,
      String elementId,
      long elementInstanceKey,
      Map<String, String> customHeaders,
      String worker,
      int retries,
      long deadline,
      Map<String, Object> variables,
      String tenantId,
      String kind,
      String listenerEventType,
      java.util.Optional<UserTaskProperties> userTask) {}

  record MessagePublished(long messageKey, String tenantId) {}

  record MessageCorrelated(long messageKey, String tenantId, long processInstanceKey) {}
}
