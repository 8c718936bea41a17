package io.learnops.engine.gateway.rest;

import io.camunda.client.protocol.rest.SetVariableRequest;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.JsonVariables;
import java.util.List;

/** {@code PUT /v2/element-instances/{key}/variables}: set variables in an element's scope. */
final class ElementInstanceHandler implements ResourceHandler {

  private final EngineApi api;
  private final JsonMapping json;

  ElementInstanceHandler(EngineApi api, JsonMapping json) {
    this.api = api;
    this.json = json;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(
            "PUT", "/v2/element-instances/{elementInstanceKey}/variables", this::setVariables));
  }

  private Reply<?> setVariables(RestRequest request) {
    final long elementInstanceKey = request.pathKey("elementInstanceKey");
    final SetVariableRequest body =
        json.read(request.body(), SetVariableRequest.class, "variables");
    // REST answers 204; the engine's result key has no place in it
    return Reply.noContent(
        api.setVariables(
            new EngineApi.SetVariables(
                elementInstanceKey,
                JsonVariables.orEmpty(body.getVariables()),
                Boolean.TRUE.equals(body.getLocal()))));
  }
}
