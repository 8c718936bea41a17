package io.learnops.engine.gateway.rest;

import io.camunda.client.protocol.rest.DeploymentDecisionRequirementsResult;
import io.camunda.client.protocol.rest.DeploymentDecisionResult;
import io.camunda.client.protocol.rest.DeploymentFormResult;
import io.camunda.client.protocol.rest.DeploymentMetadataResult;
import io.camunda.client.protocol.rest.DeploymentProcessResult;
import io.camunda.client.protocol.rest.DeploymentResult;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.Rejection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/** {@code POST /v2/deployments}: resources arrive as multipart parts named {@code resources}. */
final class DeploymentHandler implements ResourceHandler {

  private static final String RESOURCES = "resources";
  private static final String TENANT_ID = "tenantId";

  private final EngineApi api;

  DeploymentHandler(EngineApi api) {
    this.api = api;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("POST", "/v2/deployments", this::deploy));
  }

  private Reply<EngineApi.DeploymentResult> deploy(RestRequest request) {
    final List<EngineApi.Resource> resources = new ArrayList<>();
    String tenantId = null;
    for (MultipartPart part : MultipartParser.parse(request.contentType(), request.body())) {
      if (part.name().equals(RESOURCES)) {
        if (part.filename() == null || part.filename().isBlank()) {
          throw Rejection.invalidArgument(
              "Expected every '%s' part to have a filename".formatted(RESOURCES));
        }
        resources.add(new EngineApi.Resource(part.filename(), part.content()));
      } else if (part.name().equals(TENANT_ID)) {
        tenantId = part.text();
      }
    }
    if (resources.isEmpty()) {
      throw Rejection.invalidArgument(
          "Expected at least one part named '%s', but found none".formatted(RESOURCES));
    }
    return Reply.json(
        api.deploy(new EngineApi.Deploy(resources, Fields.tenant(tenantId))), this::toDto);
  }

  private DeploymentResult toDto(EngineApi.DeploymentResult result) {
    final List<DeploymentMetadataResult> deployments = new ArrayList<>();
    result.processes().stream()
            .map(
                process ->
                    new DeploymentMetadataResult()
                        .processDefinition(
                            new DeploymentProcessResult()
                                .processDefinitionId(process.bpmnProcessId())
                                .processDefinitionVersion(process.version())
                                .processDefinitionKey(
                                    String.valueOf(process.processDefinitionKey()))
                                .resourceName(process.resourceName())
                                .tenantId(process.tenantId())))
        .forEach(deployments::add);
    result.decisions().stream()
        .map(
            decision ->
                new DeploymentMetadataResult()
                    .decisionDefinition(
                        new DeploymentDecisionResult()
                            .decisionDefinitionId(decision.decisionId())
                            .name(decision.decisionName())
                            .version(decision.version())
                            .decisionDefinitionKey(String.valueOf(decision.decisionKey()))
                            .decisionRequirementsId(decision.decisionRequirementsId())
                            .decisionRequirementsKey(
                                String.valueOf(decision.decisionRequirementsKey()))
                            .tenantId(decision.tenantId())))
        .forEach(deployments::add);
    // one entry per requirements graph (DMN resource), however many decisions it holds
    result.decisions().stream()
        .collect(
            Collectors.toMap(
                EngineApi.DeployedDecision::decisionRequirementsKey,
                d -> d,
                (a, b) -> a,
                LinkedHashMap::new))
        .values()
        .stream()
        .map(
            drg ->
                new DeploymentMetadataResult()
                    .decisionRequirements(
                        new DeploymentDecisionRequirementsResult()
                            .decisionRequirementsId(drg.decisionRequirementsId())
                            .decisionRequirementsName(drg.decisionRequirementsName())
                            .version(drg.decisionRequirementsVersion())
                            .decisionRequirementsKey(
                                String.valueOf(drg.decisionRequirementsKey()))
                            .resourceName(drg.resourceName())
                            .tenantId(drg.tenantId())))
        .forEach(deployments::add);
    result.forms().stream()
        .map(form -> new DeploymentMetadataResult()
            .form(new DeploymentFormResult()
                .formId(form.formId())
                .version(form.version())
                .formKey(String.valueOf(form.formKey()))
                .resourceName(form.resourceName())
                .tenantId(form.tenantId())))
        .forEach(deployments::add);
    return new DeploymentResult()
        .deploymentKey(String.valueOf(result.deploymentKey()))
        .tenantId(result.tenantId())
        .deployments(deployments);
  }
}
