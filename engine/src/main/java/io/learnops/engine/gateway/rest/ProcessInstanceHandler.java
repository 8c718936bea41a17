package io.learnops.engine.gateway.rest;

import io.camunda.client.protocol.rest.CancelProcessInstanceRequest;
import io.camunda.client.protocol.rest.CreateProcessInstanceResult;
import io.camunda.client.protocol.rest.ProcessInstanceCreationInstruction;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.JsonVariables;
import io.learnops.engine.api.Rejection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code /v2/process-instances}: create (optionally awaiting the result) and cancel. */
final class ProcessInstanceHandler implements ResourceHandler {

  private final EngineApi api;
  private final JsonMapping json;

  ProcessInstanceHandler(EngineApi api, JsonMapping json) {
    this.api = api;
    this.json = json;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v2/process-instances", this::create),
        Route.of("POST", "/v2/process-instances/{processInstanceKey}/cancellation", this::cancel));
  }

  private Reply<?> cancel(RestRequest request) {
    final long processInstanceKey = request.pathKey("processInstanceKey");
    // read only to refuse a malformed body; its operationReference is not tracked by the engine
    json.read(request.body(), CancelProcessInstanceRequest.class);
    return Reply.noContent(api.cancelProcessInstance(processInstanceKey));
  }

  private Reply<?> create(RestRequest request) {
    final ProcessInstanceCreationInstruction body =
        json.read(request.body(), ProcessInstanceCreationInstruction.class);
    rejectUnsupported(body.getStartInstructions(), "startInstructions");
    rejectUnsupported(body.getRuntimeInstructions(), "runtimeInstructions");
    rejectUnsupported(body.getTags(), "tags");
    final EngineApi.CreateProcessInstance command = command(body);
    if (Boolean.TRUE.equals(body.getAwaitCompletion())) {
      // absent: 0, which asks for the engine's default deadline, as in the gRPC protocol
      final long requestTimeout = Objects.requireNonNullElse(body.getRequestTimeout(), 0L);
      return Reply.json(
              api.createProcessInstanceWithResult(
                  command, requestTimeout, Fields.orEmpty(body.getFetchVariables())),
              result -> toDto(result.instance(), result.variables()))
          .within(limits -> limits.withResult(requestTimeout));
    }
    return Reply.json(api.createProcessInstance(command), created -> toDto(created, Map.of()));
  }

  /** By key if one is given (the client then still sends the default version -1), else by id. */
  private static EngineApi.CreateProcessInstance command(ProcessInstanceCreationInstruction body) {
    final boolean byKey = body.getProcessDefinitionKey() != null;
    if (!byKey
        && (body.getProcessDefinitionId() == null || body.getProcessDefinitionId().isBlank())) {
      throw Rejection.invalidArgument(
          "Expected either 'processDefinitionId' or 'processDefinitionKey', but found neither");
    }
    return new EngineApi.CreateProcessInstance(
        Objects.requireNonNullElse(body.getProcessDefinitionId(), ""),
        Objects.requireNonNullElse(
            body.getProcessDefinitionVersion(), EngineApi.CreateProcessInstance.LATEST_VERSION),
        byKey ? Fields.key(body.getProcessDefinitionKey(), "processDefinitionKey") : -1,
        JsonVariables.orEmpty(body.getVariables()),
        Fields.tenant(body.getTenantId()));
  }

  /** The engine cannot honour these; dropping them silently would hide that from the caller. */
  private static void rejectUnsupported(Collection<?> values, String field) {
    if (values != null && !values.isEmpty()) {
      throw Rejection.invalidArgument("'%s' is not supported by this engine".formatted(field));
    }
  }

  private static CreateProcessInstanceResult toDto(
      EngineApi.ProcessInstanceCreated created, Map<String, Object> variables) {
    return new CreateProcessInstanceResult()
        .processDefinitionId(created.bpmnProcessId())
        .processDefinitionVersion(created.version())
        .processDefinitionKey(String.valueOf(created.processDefinitionKey()))
        .processInstanceKey(String.valueOf(created.processInstanceKey()))
        .tenantId(created.tenantId())
        .variables(variables);
  }
}
