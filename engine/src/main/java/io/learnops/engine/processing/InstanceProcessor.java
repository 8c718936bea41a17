package io.learnops.engine.processing;

import io.learnops.engine.api.EngineApi.ProcessInstanceCreated;
import io.learnops.engine.api.Rejection;
import io.learnops.engine.bpmn.BpmnExecutor;
import io.learnops.engine.bpmn.ProcessCache;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.processing.EngineCommand.CreateInstance;
import io.learnops.engine.processing.EngineCommand.SetVariables;
import io.learnops.engine.record.Intent.IncidentIntent;
import io.learnops.engine.record.Intent.VariableDocumentIntent;
import io.learnops.engine.record.RecordValue.VariableDocumentValue;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Incident;
import io.learnops.engine.state.ProcessDefinition;
import java.util.Map;

/** Creates and cancels process instances, sets variables and resolves incidents. */
final class InstanceProcessor {

  private final EngineState state;
  private final ProcessCache processes;
  private final BpmnExecutor executor;
  private final JobProcessor jobs;

  InstanceProcessor(EngineState state, ProcessCache processes, BpmnExecutor executor, JobProcessor jobs) {
    this.state = state;
    this.processes = processes;
    this.executor = executor;
    this.jobs = jobs;
  }

  ProcessInstanceCreated create(CreateInstance command) {
    final ProcessDefinition definition = definitionFor(command);
    final FlowNode start = processes.get(definition).noneStartEvent().orElseThrow(() -> Rejection.invalidArgument(
        "Expected to create an instance of process '%s', but it has no none start event; start it with a message, signal or timer"
            .formatted(definition.bpmnProcessId)));
    final ElementInstance root = executor.createProcessInstance(definition, command.variables(), start, Map.of());
    return new ProcessInstanceCreated(definition.key, definition.bpmnProcessId, definition.version, root.key, definition.tenantId);
  }

  private ProcessDefinition definitionFor(CreateInstance command) {
    if (command.processDefinitionKey() > 0) {
      return state.definition(command.processDefinitionKey()).orElseThrow(() -> Rejection.notFound(
          "Expected to find process definition with key '%d', but none found".formatted(command.processDefinitionKey())));
    }
    if (command.bpmnProcessId() == null || command.bpmnProcessId().isBlank()) {
      throw Rejection.invalidArgument("Expected either a process definition key or a BPMN process id, but got neither");
    }
    if (command.version() == CreateInstance.LATEST) {
      return state.latestDefinition(command.tenantId(), command.bpmnProcessId()).orElseThrow(() -> Rejection.notFound(
          "Expected to find process definition with process ID '%s', but none found".formatted(command.bpmnProcessId())));
    }
    return state.definition(command.tenantId(), command.bpmnProcessId(), command.version()).orElseThrow(() -> Rejection.notFound(
        "Expected to find process definition with process ID '%s' and version '%d', but none found"
            .formatted(command.bpmnProcessId(), command.version())));
  }

  void cancel(long processInstanceKey) {
    final ElementInstance root = state.elementInstances.get(processInstanceKey);
    if (root == null || !root.isRoot()) {
      throw Rejection.notFound(
          "Expected to cancel a process instance with key '%d', but no such process instance was found".formatted(processInstanceKey));
    }
    requireNotBanned(processInstanceKey);
    if (root.parentElementInstanceKey >= 0) {
      throw Rejection.invalidState(
          "Expected to cancel process instance '%d', but it was started by call activity instance '%d'; cancel its root process instance instead"
              .formatted(processInstanceKey, root.parentElementInstanceKey));
    }
    executor.cancel(root);
  }

  long setVariables(SetVariables command) {
    final ElementInstance scope = state.elementInstances.get(command.elementInstanceKey());
    if (scope == null) {
      throw Rejection.notFound(
          "Expected to update variables for element with key '%d', but no such element was found".formatted(command.elementInstanceKey()));
    }
    requireNotBanned(scope.processInstanceKey);
    final long key = state.nextKey();
    executor.write(key, VariableDocumentIntent.UPDATED, new VariableDocumentValue(scope.key, command.local(),
        command.variables(), scope.processInstanceKey, scope.tenantId));
    executor.setVariables(scope, command.variables(), command.local());
    return key;
  }

  void resolveIncident(long incidentKey) {
    final Incident incident = state.incidents.get(incidentKey);
    if (incident == null) {
      throw Rejection.notFound(
          "Expected to resolve incident with key '%d', but no such incident was found".formatted(incidentKey));
    }
    requireNotBanned(incident.processInstanceKey);
    if (incident.retry == Incident.Retry.JOB) {
      jobs.checkResolvable(incident);
    }
    executor.write(incident.key, IncidentIntent.RESOLVED, incident.toValue());
    if (incident.retry == Incident.Retry.JOB) {
      jobs.resolved(incident);
    }
    executor.retry(incident);
  }

  /** Commands for a banned instance are refused before they change anything. */
  private void requireNotBanned(long processInstanceKey) {
    if (state.isBanned(processInstanceKey)) {
      throw Rejection.invalidState(("Expected to change process instance %d, but it is banned: processing a command "
          + "for it failed unexpectedly before; see the engine log").formatted(processInstanceKey));
    }
  }
}
