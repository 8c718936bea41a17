package io.learnops.engine.record;

import io.learnops.engine.api.EngineApi.EvaluatedInput;
import io.learnops.engine.api.EngineApi.MatchedRule;
import io.learnops.engine.model.ElementType;
import io.learnops.engine.state.Incident;
import java.util.List;
import java.util.Map;

/**
 * The entity a record is about, as it is after the record. Every value carries what a reader
 * needs without asking the engine's state: the read model and other exporters are built from
 * values alone. Variables are plain JSON values (maps, lists, strings, numbers, booleans, null).
 */
public sealed interface RecordValue {

  /** The process instance the record belongs to; -1 for records of no single instance. */
  default long processInstanceKey() {
    return -1;
  }

  /** A deployment: which resources it held. Its processes, decisions and forms follow as records of their own. */
  record DeploymentValue(List<String> resourceNames, String tenantId) implements RecordValue {}

  /** A new version of a process; {@code resource} is the BPMN resource it came from. */
  record ProcessValue(String bpmnProcessId, int version, String resourceName, byte[] resource, String checksum,
      long deploymentKey, String tenantId) implements RecordValue {}

  /** A new version of a DMN resource (its decision requirements graph). */
  record DecisionRequirementsValue(String decisionRequirementsId, String name, int version, String resourceName,
      byte[] resource, String checksum, long deploymentKey, String tenantId) implements RecordValue {}

  record DecisionValue(String decisionId, String decisionName, int version, String decisionRequirementsId,
      long decisionRequirementsKey, String resourceName, long deploymentKey, String tenantId) implements RecordValue {}

  /** A new version of a Camunda form; {@code schema} is the form's JSON. */
  record FormValue(String formId, int version, String resourceName, String schema, String checksum,
      long deploymentKey, String tenantId) implements RecordValue {}

  /**
   * An element instance, or a sequence flow taken ({@code bpmnElementType} SEQUENCE_FLOW,
   * {@code elementId} the flow's id, {@code flowScopeKey} the scope it was taken in).
   *
   * @param parentProcessInstanceKey for a process instance a call activity started: the caller's process instance; else -1
   * @param parentElementInstanceKey for such an instance: the call activity's instance; else -1
   */
  record ProcessInstanceValue(String bpmnProcessId, int version, long processDefinitionKey, long processInstanceKey,
      String elementId, long flowScopeKey, ElementType bpmnElementType, long parentProcessInstanceKey,
      long parentElementInstanceKey, String tenantId) implements RecordValue {}

  /**
   * A process instance was created at {@code startElementId}. For one a message started,
   * {@code messageKey} names the message and {@code messageCorrelationKey} its key (empty for
   * none); otherwise -1 and empty. While the instance runs, no other message with that key starts
   * the same process.
   */
  record ProcessInstanceCreationValue(String bpmnProcessId, int version, long processDefinitionKey,
      long processInstanceKey, String startElementId, long messageKey, String messageCorrelationKey, String tenantId)
      implements RecordValue {}

  /** A variable written in a scope (an element instance); the record's key is -1, a variable is named by scope and name. */
  record VariableValue(String name, Object value, long scopeKey, long processInstanceKey, long processDefinitionKey,
      String bpmnProcessId, String tenantId) implements RecordValue {}

  /** Variables set on a scope by a client (SetVariables); the variable records follow. */
  record VariableDocumentValue(long scopeKey, boolean local, Map<String, Object> variables, long processInstanceKey,
      String tenantId) implements RecordValue {}

  /**
   * A job. {@code deadline} is set while it is activated for {@code worker}; {@code recurAt} while
   * it waits out a back-off.
   */
  record JobValue(String type, JobKind kind, String listenerEventType, String worker, int retries, long deadline,
      long recurAt, String errorMessage, Map<String, String> customHeaders, long elementInstanceKey, String elementId,
      long processInstanceKey, long processDefinitionKey, String bpmnProcessId, int processDefinitionVersion,
      long userTaskKey, String tenantId) implements RecordValue {

    /** Activated for a worker until the deadline. */
    public JobValue activated(String newWorker, long newDeadline) {
      return new JobValue(type, kind, listenerEventType, newWorker, retries, newDeadline, -1, errorMessage,
          customHeaders, elementInstanceKey, elementId, processInstanceKey, processDefinitionKey, bpmnProcessId,
          processDefinitionVersion, userTaskKey, tenantId);
    }

    /** Given back, with no worker: activatable again, or after {@code newRecurAt} when it is set. */
    public JobValue released(int newRetries, String newErrorMessage, long newRecurAt) {
      return new JobValue(type, kind, listenerEventType, "", newRetries, -1, newRecurAt, newErrorMessage,
          customHeaders, elementInstanceKey, elementId, processInstanceKey, processDefinitionKey, bpmnProcessId,
          processDefinitionVersion, userTaskKey, tenantId);
    }

    public JobValue withRetries(int newRetries) {
      return new JobValue(type, kind, listenerEventType, worker, newRetries, deadline, recurAt, errorMessage,
          customHeaders, elementInstanceKey, elementId, processInstanceKey, processDefinitionKey, bpmnProcessId,
          processDefinitionVersion, userTaskKey, tenantId);
    }

    public JobValue withDeadline(long newDeadline) {
      return new JobValue(type, kind, listenerEventType, worker, retries, newDeadline, recurAt, errorMessage,
          customHeaders, elementInstanceKey, elementId, processInstanceKey, processDefinitionKey, bpmnProcessId,
          processDefinitionVersion, userTaskKey, tenantId);
    }

    public JobValue withErrorMessage(String newErrorMessage) {
      return new JobValue(type, kind, listenerEventType, worker, retries, deadline, recurAt, newErrorMessage,
          customHeaders, elementInstanceKey, elementId, processInstanceKey, processDefinitionKey, bpmnProcessId,
          processDefinitionVersion, userTaskKey, tenantId);
    }
  }

  /**
   * A user task with its attributes. {@code action} and {@code changedAttributes} describe the
   * transition in progress; {@code variables} are those a completion sets, {@code pendingAssignee}
   * the assignee an assignment in progress sets ("" unassigns; null when none is in progress) and
   * {@code pendingChanges} the attributes an update in progress sets.
   */
  record UserTaskValue(String name, String assignee, List<String> candidateGroups, List<String> candidateUsers,
      String dueDate, String followUpDate, int priority, long formKey, String externalFormReference,
      Map<String, String> customHeaders, long creationDate, long completionDate, String action,
      List<String> changedAttributes, Map<String, Object> variables, long elementInstanceKey, String elementId,
      long processInstanceKey, long processDefinitionKey, String bpmnProcessId, int processDefinitionVersion,
      String tenantId, String pendingAssignee, Map<String, Object> pendingChanges) implements RecordValue {}

  /** @param retry what resolving the incident runs again */
  record IncidentValue(Incident.ErrorType errorType, String errorMessage, Incident.Retry retry, long elementInstanceKey,
      String elementId, long processInstanceKey, long processDefinitionKey, String bpmnProcessId, long jobKey,
      String tenantId) implements RecordValue {}

  /** A published message; {@code deadline} is when its time to live runs out. */
  record MessageValue(String name, String correlationKey, String messageId, long deadline,
      Map<String, Object> variables, String tenantId) implements RecordValue {}

  /**
   * An element instance's wait for a message. On CORRELATED, {@code messageKey} names the message
   * and {@code variables} are the ones it brought; otherwise -1 and empty.
   */
  record ProcessMessageSubscriptionValue(String messageName, String correlationKey, String elementId,
      long elementInstanceKey, long processInstanceKey, long processDefinitionKey, String bpmnProcessId,
      boolean interrupting, long messageKey, Map<String, Object> variables, String tenantId) implements RecordValue {}

  /**
   * A timer of a catch or boundary event ({@code elementInstanceKey} the waiting instance) or of a
   * timer start event ({@code elementInstanceKey} and {@code processInstanceKey} -1).
   *
   * @param repetitions how often it fires from now on: 1 once, -1 for ever
   * @param intervalMillis the time between two firings of a cycle
   */
  record TimerValue(String targetElementId, long dueDate, int repetitions, long intervalMillis,
      long elementInstanceKey, long processInstanceKey, long processDefinitionKey, String tenantId)
      implements RecordValue {}

  /** A signal catch or boundary event waiting on {@code elementInstanceKey} (the activity, for a boundary event). */
  record SignalSubscriptionValue(String signalName, String catchElementId, long elementInstanceKey,
      long processInstanceKey, long processDefinitionKey, String bpmnProcessId, boolean interrupting, String tenantId)
      implements RecordValue {}

  record SignalValue(String signalName, Map<String, Object> variables, String tenantId) implements RecordValue {}

  /** An escalation thrown by {@code throwElementId}; {@code catchElementId} is empty when nothing caught it. */
  record EscalationValue(String escalationCode, String throwElementId, String catchElementId, long processInstanceKey,
      String bpmnProcessId, String tenantId) implements RecordValue {}

  /**
   * A decision evaluated, by a business rule task ({@code elementInstanceKey} set) or on its own
   * through EvaluateDecision ({@code elementInstanceKey} -1). On FAILED, {@code failureMessage}
   * says why and {@code output} is null.
   */
  record DecisionEvaluationValue(long decisionKey, String decisionId, String decisionName, int decisionVersion,
      long decisionRequirementsKey, String decisionRequirementsId, Object output, String failureMessage,
      List<EvaluatedInput> evaluatedInputs, List<MatchedRule> matchedRules, long elementInstanceKey, String elementId,
      long processInstanceKey, long processDefinitionKey, String bpmnProcessId, String tenantId)
      implements RecordValue {}

  /**
   * Engine time after a change: the system clock moved by {@code offsetMillis}, or pinned at
   * {@code pinnedEpochMilli} (null when it runs).
   */
  record ClockValue(long offsetMillis, Long pinnedEpochMilli) implements RecordValue {}

  /**
   * A command whose processing failed with an unexpected exception: nothing it did was kept, and
   * {@code processInstanceKey} (when it touched one) is banned from further processing.
   */
  record ErrorValue(String command, String exceptionMessage, String stacktrace, long processInstanceKey)
      implements RecordValue {}

  /** Every deployment, instance and buffered message was deleted. */
  record PurgeValue() implements RecordValue {}
}
