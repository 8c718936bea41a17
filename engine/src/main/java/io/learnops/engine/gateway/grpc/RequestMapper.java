package io.learnops.engine.gateway.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.JobResult;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.JobResultCorrections;
import java.util.LinkedHashMap;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateDecisionRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.StreamActivatedJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.grpc.Status;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.JsonVariables;
import java.util.List;
import java.util.Map;

/**
 * Translates gRPC requests into engine commands. Variables are parsed here, so a document that is
 * not a JSON object is rejected before the engine sees the command.
 *
 * <p>Request fields the engine cannot honour yet (start and runtime instructions, tags, job
 * results) are refused with UNIMPLEMENTED instead of being dropped: a client that asks for them
 * would otherwise get an instance that silently behaves differently from what it requested. The
 * optional operation references are ignored; they only correlate batch operations, which this
 * engine does not have.
 */
final class RequestMapper {

  EngineApi.Deploy deploy(final DeployResourceRequest request) {
    final List<EngineApi.Resource> resources =
        request.getResourcesList().stream()
            .map(r -> new EngineApi.Resource(r.getName(), r.getContent().toByteArray()))
            .toList();
    return new EngineApi.Deploy(resources, tenant(request.getTenantId()));
  }

  EngineApi.CreateProcessInstance createProcessInstance(
      final CreateProcessInstanceRequest request) {
    refuseIf(request.getStartInstructionsCount() > 0, "CreateProcessInstance", "startInstructions");
    refuseIf(
        request.getRuntimeInstructionsCount() > 0, "CreateProcessInstance", "runtimeInstructions");
    refuseIf(request.getTagsCount() > 0, "CreateProcessInstance", "tags");
    return new EngineApi.CreateProcessInstance(
        request.getBpmnProcessId(),
        request.getVersion(),
        request.getProcessDefinitionKey(),
        variables(request.getVariables()),
        tenant(request.getTenantId()));
  }

  EngineApi.EvaluateDecision evaluateDecision(final EvaluateDecisionRequest request) {
    return new EngineApi.EvaluateDecision(
        request.getDecisionId(),
        request.getDecisionKey(),
        variables(request.getVariables()),
        tenant(request.getTenantId()));
  }

  EngineApi.ActivateJobs activateJobs(final ActivateJobsRequest request) {
    return new EngineApi.ActivateJobs(
        request.getType(),
        request.getWorker(),
        request.getTimeout(),
        request.getMaxJobsToActivate(),
        List.copyOf(request.getFetchVariableList()),
        request.getRequestTimeout(),
        tenants(request.getTenantIdsList()));
  }

  EngineApi.JobStreamRequest jobStream(final StreamActivatedJobsRequest request) {
    return new EngineApi.JobStreamRequest(
        request.getType(),
        request.getWorker(),
        request.getTimeout(),
        List.copyOf(request.getFetchVariableList()),
        tenants(request.getTenantIdsList()));
  }

  Map<String, Object> completeJobVariables(final CompleteJobRequest request) {
    return variables(request.getVariables());
  }

  /** A task listener's verdict; ad-hoc sub-process results are refused (no ad-hoc sub-processes here). */
  EngineApi.ListenerResult completeJobResult(final CompleteJobRequest request) {
    if (!request.hasResult()) {
      return null;
    }
    final JobResult result = request.getResult();
    refuseIf(result.hasType() && !"userTask".equals(result.getType()), "CompleteJob", "result of type " + result.getType());
    refuseIf(result.getActivateElementsCount() > 0, "CompleteJob", "result.activateElements");
    final Map<String, Object> corrections = new LinkedHashMap<>();
    if (result.hasCorrections()) {
      final JobResultCorrections given = result.getCorrections();
      if (given.hasAssignee()) {
        corrections.put("assignee", given.getAssignee());
      }
      if (given.hasDueDate()) {
        corrections.put("dueDate", given.getDueDate());
      }
      if (given.hasFollowUpDate()) {
        corrections.put("followUpDate", given.getFollowUpDate());
      }
      if (given.hasCandidateUsers()) {
        corrections.put("candidateUsers", List.copyOf(given.getCandidateUsers().getValuesList()));
      }
      if (given.hasCandidateGroups()) {
        corrections.put("candidateGroups", List.copyOf(given.getCandidateGroups().getValuesList()));
      }
      if (given.hasPriority()) {
        corrections.put("priority", given.getPriority());
      }
    }
    return new EngineApi.ListenerResult(result.getDenied(), result.hasDeniedReason() ? result.getDeniedReason() : null,
        corrections);
  }

  EngineApi.FailJob failJob(final FailJobRequest request) {
    return new EngineApi.FailJob(
        request.getJobKey(),
        request.getRetries(),
        request.getErrorMessage(),
        request.getRetryBackOff(),
        variables(request.getVariables()));
  }

  EngineApi.ThrowError throwError(final ThrowErrorRequest request) {
    return new EngineApi.ThrowError(
        request.getJobKey(),
        request.getErrorCode(),
        request.getErrorMessage(),
        variables(request.getVariables()));
  }

  EngineApi.PublishMessage publishMessage(final PublishMessageRequest request) {
    return new EngineApi.PublishMessage(
        request.getName(),
        request.getCorrelationKey(),
        request.getTimeToLive(),
        request.getMessageId(),
        variables(request.getVariables()),
        tenant(request.getTenantId()));
  }

  EngineApi.SetVariables setVariables(final SetVariablesRequest request) {
    return new EngineApi.SetVariables(
        request.getElementInstanceKey(), variables(request.getVariables()), request.getLocal());
  }

  EngineApi.BroadcastSignal broadcastSignal(final BroadcastSignalRequest request) {
    return new EngineApi.BroadcastSignal(
        request.getSignalName(),
        variables(request.getVariables()),
        tenant(request.getTenantId()));
  }

  /** Protobuf has no null: a client that does not name a tenant sends the empty string. */
  String tenant(final String tenantId) {
    return tenantId.isEmpty() ? EngineApi.DEFAULT_TENANT : tenantId;
  }

  private List<String> tenants(final List<String> tenantIds) {
    return tenantIds.isEmpty() ? List.of(EngineApi.DEFAULT_TENANT) : List.copyOf(tenantIds);
  }

  private static Map<String, Object> variables(final String json) {
    return JsonVariables.parseObject(json, "variables");
  }

  private static void refuseIf(final boolean unsupported, final String rpc, final String field) {
    if (unsupported) {
      throw Status.UNIMPLEMENTED
          .withDescription(
              "%s with '%s' is not supported by the LearnOps engine yet".formatted(rpc, field))
          .asRuntimeException();
    }
  }
}
