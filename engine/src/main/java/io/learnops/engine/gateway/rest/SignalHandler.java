package io.learnops.engine.gateway.rest;

import io.camunda.client.protocol.rest.SignalBroadcastRequest;
import io.camunda.client.protocol.rest.SignalBroadcastResult;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.JsonVariables;
import java.util.List;

/** {@code POST /v2/signals/broadcast}. */
final class SignalHandler implements ResourceHandler {

  private final EngineApi api;
  private final JsonMapping json;

  SignalHandler(EngineApi api, JsonMapping json) {
    this.api = api;
    this.json = json;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("POST", "/v2/signals/broadcast", this::broadcast));
  }

  private Reply<?> broadcast(RestRequest request) {
    final SignalBroadcastRequest body =
        json.read(request.body(), SignalBroadcastRequest.class, "signalName");
    final String tenantId = Fields.tenant(body.getTenantId());
    final EngineApi.BroadcastSignal command =
        new EngineApi.BroadcastSignal(
            Fields.requireText(body.getSignalName(), "signalName"),
            JsonVariables.orEmpty(body.getVariables()),
            tenantId);
    return Reply.json(
        api.broadcastSignal(command),
        signalKey ->
            new SignalBroadcastResult().signalKey(String.valueOf(signalKey)).tenantId(tenantId));
  }
}
