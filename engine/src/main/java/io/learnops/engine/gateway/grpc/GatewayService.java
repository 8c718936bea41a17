package io.learnops.engine.gateway.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CancelProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeleteResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeleteResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployProcessRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployProcessResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateDecisionRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateDecisionResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FailJobResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.MigrateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.MigrateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ModifyProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ModifyProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ResolveIncidentResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.StreamActivatedJobsRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ThrowErrorResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobRetriesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UpdateJobTimeoutResponse;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.gateway.AnswerLimits;

/** The Zeebe gateway service: each RPC becomes one {@link EngineApi} call. */
final class GatewayService extends GatewayGrpc.GatewayImplBase {

  private final EngineApi api;
  private final RequestMapper requests;
  private final ResponseMapper responses;
  private final StatusMapper statuses;
  private final Replies replies;
  private final AnswerLimits limits;

  GatewayService(
      final EngineApi api,
      final RequestMapper requests,
      final ResponseMapper responses,
      final StatusMapper statuses,
      final Replies replies,
      final AnswerLimits limits) {
    this.api = api;
    this.requests = requests;
    this.responses = responses;
    this.statuses = statuses;
    this.replies = replies;
    this.limits = limits;
  }

  @Override
  public void topology(
      final TopologyRequest request, final StreamObserver<TopologyResponse> observer) {
    replies.unary(observer, api::topology, responses::topology,
        limits.command());
  }

  @Override
  public void deployResource(
      final DeployResourceRequest request, final StreamObserver<DeployResourceResponse> observer) {
    replies.unary(observer, () -> api.deploy(requests.deploy(request)), responses::deployment,
        limits.command());
  }

  @Override
  public void createProcessInstance(
      final CreateProcessInstanceRequest request,
      final StreamObserver<CreateProcessInstanceResponse> observer) {
    replies.unary(
        observer,
        () -> api.createProcessInstance(requests.createProcessInstance(request)),
        responses::processInstance,
        limits.command());
  }

  @Override
  public void createProcessInstanceWithResult(
      final CreateProcessInstanceWithResultRequest request,
      final StreamObserver<CreateProcessInstanceWithResultResponse> observer) {
    replies.unary(
        observer,
        () ->
            api.createProcessInstanceWithResult(
                requests.createProcessInstance(request.getRequest()),
                request.getRequestTimeout(),
                request.getFetchVariablesList()),
        responses::processInstanceResult,
        limits.withResult(request.getRequestTimeout()));
  }

  @Override
  public void cancelProcessInstance(
      final CancelProcessInstanceRequest request,
      final StreamObserver<CancelProcessInstanceResponse> observer) {
    replies.unary(
        observer,
        () -> api.cancelProcessInstance(request.getProcessInstanceKey()),
        done -> CancelProcessInstanceResponse.getDefaultInstance(),
        limits.command());
  }

  @Override
  public void activateJobs(
      final ActivateJobsRequest request, final StreamObserver<ActivateJobsResponse> observer) {
    replies.stream(
        observer,
        () -> api.activateJobs(requests.activateJobs(request)),
        responses::activatedJobs,
        limits.activation(request.getRequestTimeout()));
  }

  @Override
  public void streamActivatedJobs(
      final StreamActivatedJobsRequest request, final StreamObserver<ActivatedJob> observer) {
    final JobStream stream =
        new JobStream((ServerCallStreamObserver<ActivatedJob>) observer, responses);
    try {
      stream.attach(api.openJobStream(requests.jobStream(request), stream));
    } catch (RuntimeException rejected) {
      observer.onError(statuses.toStatusException(rejected));
    }
  }

  @Override
  public void completeJob(
      final CompleteJobRequest request, final StreamObserver<CompleteJobResponse> observer) {
    replies.unary(
        observer,
        () -> api.completeJob(request.getJobKey(), requests.completeJobVariables(request),
            requests.completeJobResult(request)),
        done -> CompleteJobResponse.getDefaultInstance(),
        limits.command());
  }

  @Override
  public void failJob(
      final FailJobRequest request, final StreamObserver<FailJobResponse> observer) {
    replies.unary(
        observer,
        () -> api.failJob(requests.failJob(request)),
        done -> FailJobResponse.getDefaultInstance(),
        limits.command());
  }

  @Override
  public void throwError(
      final ThrowErrorRequest request, final StreamObserver<ThrowErrorResponse> observer) {
    replies.unary(
        observer,
        () -> api.throwError(requests.throwError(request)),
        done -> ThrowErrorResponse.getDefaultInstance(),
        limits.command());
  }

  @Override
  public void updateJobRetries(
      final UpdateJobRetriesRequest request,
      final StreamObserver<UpdateJobRetriesResponse> observer) {
    replies.unary(
        observer,
        () -> api.updateJobRetries(request.getJobKey(), request.getRetries()),
        done -> UpdateJobRetriesResponse.getDefaultInstance(),
        limits.command());
  }

  @Override
  public void updateJobTimeout(
      final UpdateJobTimeoutRequest request,
      final StreamObserver<UpdateJobTimeoutResponse> observer) {
    replies.unary(
        observer,
        () -> api.updateJobTimeout(request.getJobKey(), request.getTimeout()),
        done -> UpdateJobTimeoutResponse.getDefaultInstance(),
        limits.command());
  }

  @Override
  public void publishMessage(
      final PublishMessageRequest request, final StreamObserver<PublishMessageResponse> observer) {
    replies.unary(
        observer,
        () -> api.publishMessage(requests.publishMessage(request)),
        responses::messagePublished,
        limits.command());
  }

  @Override
  public void setVariables(
      final SetVariablesRequest request, final StreamObserver<SetVariablesResponse> observer) {
    replies.unary(
        observer,
        () -> api.setVariables(requests.setVariables(request)),
        responses::variablesSet,
        limits.command());
  }

  @Override
  public void broadcastSignal(
      final BroadcastSignalRequest request,
      final StreamObserver<BroadcastSignalResponse> observer) {
    final String tenantId = requests.tenant(request.getTenantId());
    replies.unary(
        observer,
        () -> api.broadcastSignal(requests.broadcastSignal(request)),
        key -> responses.signalBroadcast(key, tenantId),
        limits.command());
  }

  @Override
  public void resolveIncident(
      final ResolveIncidentRequest request,
      final StreamObserver<ResolveIncidentResponse> observer) {
    replies.unary(
        observer,
        () -> api.resolveIncident(request.getIncidentKey()),
        done -> ResolveIncidentResponse.getDefaultInstance(),
        limits.command());
  }

  @Override
  public void evaluateDecision(
      final EvaluateDecisionRequest request,
      final StreamObserver<EvaluateDecisionResponse> observer) {
    replies.unary(
        observer,
        () -> api.evaluateDecision(requests.evaluateDecision(request)),
        responses::decisionEvaluated,
        limits.command());
  }

  // ---- not supported yet: answered explicitly so that the client sees which RPC it was ----

  @Override
  public void deployProcess(
      final DeployProcessRequest request, final StreamObserver<DeployProcessResponse> observer) {
    unsupported("DeployProcess", observer);
  }

  @Override
  public void modifyProcessInstance(
      final ModifyProcessInstanceRequest request,
      final StreamObserver<ModifyProcessInstanceResponse> observer) {
    unsupported("ModifyProcessInstance", observer);
  }

  @Override
  public void migrateProcessInstance(
      final MigrateProcessInstanceRequest request,
      final StreamObserver<MigrateProcessInstanceResponse> observer) {
    unsupported("MigrateProcessInstance", observer);
  }

  @Override
  public void deleteResource(
      final DeleteResourceRequest request, final StreamObserver<DeleteResourceResponse> observer) {
    unsupported("DeleteResource", observer);
  }

  private static void unsupported(final String rpc, final StreamObserver<?> observer) {
    observer.onError(
        Status.UNIMPLEMENTED
            .withDescription(rpc + " is not supported by the LearnOps engine yet")
            .asRuntimeException());
  }
}
