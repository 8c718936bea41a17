package io.learnops.engine.gateway.rest;

import io.camunda.client.protocol.rest.DeploymentMetadataResult;
import io.camunda.client.protocol.rest.DeploymentProcessResult;
import io.camunda.client.protocol.rest.DeploymentResult;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.Rejection;
import java.util.ArrayList;
import java.util.List;

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
    final List<DeploymentMetadataResult> deployments =
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
            .toList();
    return new DeploymentResult()
        .deploymentKey(String.valueOf(result.deploymentKey()))
        .tenantId(result.tenantId())
        .deployments(deployments);
  }
}
