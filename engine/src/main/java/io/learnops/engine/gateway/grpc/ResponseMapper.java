package io.learnops.engine.gateway.grpc;

import java.util.Optional;

import com.google.protobuf.CodedOutputStream;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivateJobsResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob.JobKind;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob.ListenerEventType;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BrokerInfo;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.BroadcastSignalResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceWithResultResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DeployResourceResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DecisionMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.FormMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.UserTaskProperties;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.DecisionRequirementsMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Deployment;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluateDecisionResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluatedDecision;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluatedDecisionInput;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.EvaluatedDecisionOutput;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.MatchedDecisionRule;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition.PartitionBrokerHealth;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.Partition.PartitionBrokerRole;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ProcessMetadata;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.PublishMessageResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.SetVariablesResponse;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyResponse;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.JsonVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/** Translates engine results into gRPC responses. */
final class ResponseMapper {

  /**
   * Largest ActivateJobs response we build. The Camunda client refuses inbound messages above 5
   * MiB by default, so activated jobs are split into several responses below that.
   */
  static final int MAX_ACTIVATE_JOBS_RESPONSE_BYTES = 4 * 1024 * 1024;

  TopologyResponse topology(final EngineApi.Topology topology) {
    // A single engine is the only broker and leads every partition.
    final BrokerInfo.Builder broker =
        BrokerInfo.newBuilder()
            .setNodeId(0)
            .setHost(topology.brokerHost())
            .setPort(topology.brokerPort())
            .setVersion(topology.gatewayVersion());
    for (int partitionId = 1; partitionId <= topology.partitionsCount(); partitionId++) {
      broker.addPartitions(
          Partition.newBuilder()
              .setPartitionId(partitionId)
              .setRole(PartitionBrokerRole.LEADER)
              .setHealth(topology.healthy() ? PartitionBrokerHealth.HEALTHY : PartitionBrokerHealth.DEAD));
    }
    return TopologyResponse.newBuilder()
        .addBrokers(broker)
        .setClusterSize(topology.clusterSize())
        .setPartitionsCount(topology.partitionsCount())
        .setReplicationFactor(topology.replicationFactor())
        .setGatewayVersion(topology.gatewayVersion())
        .build();
  }

  DeployResourceResponse deployment(final EngineApi.DeploymentResult result) {
    final DeployResourceResponse.Builder response =
        DeployResourceResponse.newBuilder()
            .setKey(result.deploymentKey())
            .setTenantId(result.tenantId());
    for (final EngineApi.DeployedProcess process : result.processes()) {
      response.addDeployments(
          Deployment.newBuilder()
              .setProcess(
                  ProcessMetadata.newBuilder()
                      .setBpmnProcessId(process.bpmnProcessId())
                      .setVersion(process.version())
                      .setProcessDefinitionKey(process.processDefinitionKey())
                      .setResourceName(process.resourceName())
                      .setTenantId(process.tenantId())));
    }
    for (final EngineApi.FormView form : result.forms()) {
      response.addDeployments(
          Deployment.newBuilder()
              .setForm(
                  FormMetadata.newBuilder()
                      .setFormId(form.formId())
                      .setVersion(form.version())
                      .setFormKey(form.formKey())
                      .setResourceName(form.resourceName())
                      .setTenantId(form.tenantId())));
    }
    for (final EngineApi.DeployedDecision decision : result.decisions()) {
      response.addDeployments(
          Deployment.newBuilder()
              .setDecision(
                  DecisionMetadata.newBuilder()
                      .setDmnDecisionId(decision.decisionId())
                      .setDmnDecisionName(decision.decisionName())
                      .setVersion(decision.version())
                      .setDecisionKey(decision.decisionKey())
                      .setDmnDecisionRequirementsId(decision.decisionRequirementsId())
                      .setDecisionRequirementsKey(decision.decisionRequirementsKey())
                      .setTenantId(decision.tenantId())));
    }
    // one entry per requirements graph (DMN resource), however many decisions it holds
    result.decisions().stream()
        .collect(Collectors.toMap(EngineApi.DeployedDecision::decisionRequirementsKey, d -> d, (a, b) -> a,
            LinkedHashMap::new))
        .values()
        .forEach(
            drg ->
                response.addDeployments(
                    Deployment.newBuilder()
                        .setDecisionRequirements(
                            DecisionRequirementsMetadata.newBuilder()
                                .setDmnDecisionRequirementsId(drg.decisionRequirementsId())
                                .setDmnDecisionRequirementsName(drg.decisionRequirementsName())
                                .setVersion(drg.decisionRequirementsVersion())
                                .setDecisionRequirementsKey(drg.decisionRequirementsKey())
                                .setResourceName(drg.resourceName())
                                .setTenantId(drg.tenantId()))));
    return response.build();
  }

  EvaluateDecisionResponse decisionEvaluated(final EngineApi.DecisionEvaluated evaluated) {
    final EngineApi.DeployedDecision decision = evaluated.decision();
    final String output = JsonVariables.toJson(evaluated.output());
    return EvaluateDecisionResponse.newBuilder()
        .setDecisionKey(decision.decisionKey())
        .setDecisionId(decision.decisionId())
        .setDecisionName(decision.decisionName())
        .setDecisionVersion(decision.version())
        .setDecisionRequirementsId(decision.decisionRequirementsId())
        .setDecisionRequirementsKey(decision.decisionRequirementsKey())
        .setDecisionOutput(output)
        .setTenantId(decision.tenantId())
        .setDecisionEvaluationKey(evaluated.evaluationKey())
        .setDecisionInstanceKey(evaluated.evaluationKey())
        .addEvaluatedDecisions(
            EvaluatedDecision.newBuilder()
                .setDecisionKey(decision.decisionKey())
                .setDecisionId(decision.decisionId())
                .setDecisionName(decision.decisionName())
                .setDecisionVersion(decision.version())
                .setDecisionOutput(output)
                .setTenantId(decision.tenantId())
                .setDecisionEvaluationInstanceKey(evaluated.evaluationKey() + "-1")
                .addAllEvaluatedInputs(evaluated.inputs().stream().map(input -> EvaluatedDecisionInput.newBuilder()
                    .setInputId(input.inputId())
                    .setInputName(input.inputName())
                    .setInputValue(JsonVariables.toJson(input.value()))
                    .build()).toList())
                .addAllMatchedRules(evaluated.matchedRules().stream().map(rule -> MatchedDecisionRule.newBuilder()
                    .setRuleId(rule.ruleId())
                    .setRuleIndex(rule.ruleIndex())
                    .addAllEvaluatedOutputs(rule.outputs().stream().map(ruleOutput -> EvaluatedDecisionOutput.newBuilder()
                        .setOutputId(ruleOutput.outputId())
                        .setOutputName(ruleOutput.outputName())
                        .setOutputValue(JsonVariables.toJson(ruleOutput.value()))
                        .build()).toList())
                    .build()).toList()))
        .build();
  }

  CreateProcessInstanceResponse processInstance(final EngineApi.ProcessInstanceCreated created) {
    return CreateProcessInstanceResponse.newBuilder()
        .setProcessDefinitionKey(created.processDefinitionKey())
        .setBpmnProcessId(created.bpmnProcessId())
        .setVersion(created.version())
        .setProcessInstanceKey(created.processInstanceKey())
        .setTenantId(created.tenantId())
        .build();
  }

  CreateProcessInstanceWithResultResponse processInstanceResult(
      final EngineApi.ProcessInstanceResult result) {
    final EngineApi.ProcessInstanceCreated created = result.instance();
    return CreateProcessInstanceWithResultResponse.newBuilder()
        .setProcessDefinitionKey(created.processDefinitionKey())
        .setBpmnProcessId(created.bpmnProcessId())
        .setVersion(created.version())
        .setProcessInstanceKey(created.processInstanceKey())
        .setVariables(JsonVariables.toJson(result.variables()))
        .setTenantId(created.tenantId())
        .build();
  }

  /**
   * @return the responses to stream, none if no job was activated
   */
  List<ActivateJobsResponse> activatedJobs(final List<EngineApi.ActivatedJob> jobs) {
    final List<ActivateJobsResponse> responses = new ArrayList<>();
    ActivateJobsResponse.Builder current = ActivateJobsResponse.newBuilder();
    int currentBytes = 0;
    for (final EngineApi.ActivatedJob job : jobs) {
      final ActivatedJob message = activatedJob(job);
      final int messageBytes =
          CodedOutputStream.computeMessageSize(ActivateJobsResponse.JOBS_FIELD_NUMBER, message);
      // A job too large for any response still goes out, alone: the client then reports the
      // size problem instead of the job silently vanishing until its timeout.
      if (current.getJobsCount() > 0
          && currentBytes + messageBytes > MAX_ACTIVATE_JOBS_RESPONSE_BYTES) {
        responses.add(current.build());
        current = ActivateJobsResponse.newBuilder();
        currentBytes = 0;
      }
      current.addJobs(message);
      currentBytes += messageBytes;
    }
    if (current.getJobsCount() > 0) {
      responses.add(current.build());
    }
    return responses;
  }

  ActivatedJob activatedJob(final EngineApi.ActivatedJob job) {
    final ActivatedJob.Builder activated = ActivatedJob.newBuilder()
        .setKey(job.key())
        .setType(job.type())
        .setProcessInstanceKey(job.processInstanceKey())
        .setBpmnProcessId(job.bpmnProcessId())
        .setProcessDefinitionVersion(job.processDefinitionVersion())
        .setProcessDefinitionKey(job.processDefinitionKey())
        .setElementId(job.elementId())
        .setElementInstanceKey(job.elementInstanceKey())
        .setCustomHeaders(JsonVariables.toJson(job.customHeaders()))
        .setWorker(job.worker())
        .setRetries(job.retries())
        .setDeadline(job.deadline())
        .setVariables(JsonVariables.toJson(job.variables()))
        .setTenantId(job.tenantId())
        .setKind(JobKind.valueOf(job.kind()))
        .setListenerEventType(ListenerEventType.valueOf(job.listenerEventType()));
    job.userTask().ifPresent(task -> activated.setUserTask(userTask(task)));
    return activated.build();
  }

  private static UserTaskProperties userTask(final EngineApi.UserTaskProperties task) {
    final UserTaskProperties.Builder properties = UserTaskProperties.newBuilder()
        .setUserTaskKey(task.userTaskKey())
        .setAction(task.action())
        .addAllCandidateGroups(task.candidateGroups())
        .addAllCandidateUsers(task.candidateUsers())
        .addAllChangedAttributes(task.changedAttributes())
        .setPriority(task.priority());
    Optional.ofNullable(task.assignee()).ifPresent(properties::setAssignee);
    Optional.ofNullable(task.dueDate()).ifPresent(properties::setDueDate);
    Optional.ofNullable(task.followUpDate()).ifPresent(properties::setFollowUpDate);
    if (task.formKey() >= 0) {
      properties.setFormKey(task.formKey());
    }
    return properties.build();
  }

  PublishMessageResponse messagePublished(final EngineApi.MessagePublished published) {
    return PublishMessageResponse.newBuilder()
        .setKey(published.messageKey())
        .setTenantId(published.tenantId())
        .build();
  }

  SetVariablesResponse variablesSet(final long key) {
    return SetVariablesResponse.newBuilder().setKey(key).build();
  }

  BroadcastSignalResponse signalBroadcast(final long key, final String tenantId) {
    return BroadcastSignalResponse.newBuilder().setKey(key).setTenantId(tenantId).build();
  }
}
