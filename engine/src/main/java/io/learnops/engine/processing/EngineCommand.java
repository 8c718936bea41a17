package io.learnops.engine.processing;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.learnops.engine.api.EngineApi;
import java.util.List;
import java.util.Map;

/**
 * The commands written to the journal. Processing a command is deterministic given the state and
 * the command's timestamp, so replaying the journal rebuilds exactly the state that was
 * acknowledged. Commands the engine gives itself (timers due, job deadlines passed, messages
 * expired) are journaled like client commands.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@c")
@JsonSubTypes({
  @JsonSubTypes.Type(value = EngineCommand.Deploy.class, name = "Deploy"),
  @JsonSubTypes.Type(value = EngineCommand.CreateInstance.class, name = "CreateInstance"),
  @JsonSubTypes.Type(value = EngineCommand.CancelInstance.class, name = "CancelInstance"),
  @JsonSubTypes.Type(value = EngineCommand.ActivateJobs.class, name = "ActivateJobs"),
  @JsonSubTypes.Type(value = EngineCommand.CompleteJob.class, name = "CompleteJob"),
  @JsonSubTypes.Type(value = EngineCommand.FailJob.class, name = "FailJob"),
  @JsonSubTypes.Type(value = EngineCommand.ThrowError.class, name = "ThrowError"),
  @JsonSubTypes.Type(value = EngineCommand.UpdateJobRetries.class, name = "UpdateJobRetries"),
  @JsonSubTypes.Type(value = EngineCommand.UpdateJobTimeout.class, name = "UpdateJobTimeout"),
  @JsonSubTypes.Type(value = EngineCommand.YieldJob.class, name = "YieldJob"),
  @JsonSubTypes.Type(value = EngineCommand.TimeOutJobs.class, name = "TimeOutJobs"),
  @JsonSubTypes.Type(value = EngineCommand.RecurJobs.class, name = "RecurJobs"),
  @JsonSubTypes.Type(value = EngineCommand.PublishMessage.class, name = "PublishMessage"),
  @JsonSubTypes.Type(value = EngineCommand.ExpireMessages.class, name = "ExpireMessages"),
  @JsonSubTypes.Type(value = EngineCommand.SetVariables.class, name = "SetVariables"),
  @JsonSubTypes.Type(value = EngineCommand.BroadcastSignal.class, name = "BroadcastSignal"),
  @JsonSubTypes.Type(value = EngineCommand.ResolveIncident.class, name = "ResolveIncident"),
  @JsonSubTypes.Type(value = EngineCommand.TriggerTimers.class, name = "TriggerTimers"),
  @JsonSubTypes.Type(value = EngineCommand.EvaluateDecision.class, name = "EvaluateDecision"),
  @JsonSubTypes.Type(value = EngineCommand.Purge.class, name = "Purge"),
  @JsonSubTypes.Type(value = EngineCommand.CorrelateMessage.class, name = "CorrelateMessage"),
  @JsonSubTypes.Type(value = EngineCommand.AssignUserTask.class, name = "AssignUserTask"),
  @JsonSubTypes.Type(value = EngineCommand.UpdateUserTask.class, name = "UpdateUserTask"),
  @JsonSubTypes.Type(value = EngineCommand.CompleteUserTask.class, name = "CompleteUserTask"),
  @JsonSubTypes.Type(value = EngineCommand.ChangeClock.class, name = "ChangeClock"),
})
public sealed interface EngineCommand {

  record Deploy(List<Resource> resources, String tenantId) implements EngineCommand {}

  record Resource(String name, byte[] content) {}

  record CreateInstance(String bpmnProcessId, int version, long processDefinitionKey,
      Map<String, Object> variables, String tenantId) implements EngineCommand {
    static final int LATEST = -1;
  }

  record CancelInstance(long processInstanceKey) implements EngineCommand {}

  record ActivateJobs(String type, String worker, long timeoutMillis, int maxJobs, List<String> tenantIds)
      implements EngineCommand {}

  /** @param result a task listener's verdict (denial, corrections); null for other jobs */
  record CompleteJob(long jobKey, Map<String, Object> variables, EngineApi.ListenerResult result)
      implements EngineCommand {}

  /** Assigns a user task; an empty assignee unassigns it. */
  record AssignUserTask(long userTaskKey, String assignee, boolean allowOverride, String action) implements EngineCommand {}

  record UpdateUserTask(long userTaskKey, Map<String, Object> changes, String action) implements EngineCommand {}

  record CompleteUserTask(long userTaskKey, Map<String, Object> variables, String action) implements EngineCommand {}

  record FailJob(long jobKey, int retries, String errorMessage, long retryBackOffMillis,
      Map<String, Object> variables) implements EngineCommand {}

  record ThrowError(long jobKey, String errorCode, String errorMessage, Map<String, Object> variables)
      implements EngineCommand {}

  record UpdateJobRetries(long jobKey, int retries) implements EngineCommand {}

  record UpdateJobTimeout(long jobKey, long timeoutMillis) implements EngineCommand {}

  /** A streamed job could not be handed to its client: make it activatable again. */
  record YieldJob(long jobKey) implements EngineCommand {}

  record TimeOutJobs(List<Long> jobKeys) implements EngineCommand {}

  record RecurJobs(List<Long> jobKeys) implements EngineCommand {}

  record PublishMessage(String name, String correlationKey, long timeToLiveMillis, String messageId,
      Map<String, Object> variables, String tenantId) implements EngineCommand {}

  record ExpireMessages(List<Long> messageKeys) implements EngineCommand {}

  record SetVariables(long elementInstanceKey, Map<String, Object> variables, boolean local)
      implements EngineCommand {}

  record BroadcastSignal(String signalName, Map<String, Object> variables, String tenantId)
      implements EngineCommand {}

  record ResolveIncident(long incidentKey) implements EngineCommand {}

  record TriggerTimers(List<Long> timerKeys) implements EngineCommand {}

  /** Changes no state; journaled all the same so the journal is the complete record of requests. */
  record EvaluateDecision(String decisionId, long decisionKey, Map<String, Object> variables, String tenantId)
      implements EngineCommand {}

  /**
   * Deletes all deployments, instances, jobs, messages, timers and incidents (Camunda Process
   * Test's cluster purge between tests). Journaled, so a restart replays it instead of bringing the
   * old state back.
   */
  record Purge() implements EngineCommand {}

  /** Correlates to one waiting subscription or message start event at once; never buffered. */
  record CorrelateMessage(String name, String correlationKey, Map<String, Object> variables, String tenantId)
      implements EngineCommand {}

  /**
   * Moves engine time: {@code ADD} by {@code millis}, {@code PIN} to the epoch milli {@code millis},
   * {@code RESET} back to the clock's own time. Journaled, so that a restart keeps the moved time.
   */
  record ChangeClock(Kind kind, long millis) implements EngineCommand {
    public enum Kind {
      ADD,
      PIN,
      RESET
    }
  }
}
