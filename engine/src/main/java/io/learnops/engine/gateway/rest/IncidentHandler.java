package io.learnops.engine.gateway.rest;

import io.camunda.client.protocol.rest.IncidentResolutionRequest;
import io.learnops.engine.api.EngineApi;
import java.util.List;

/** {@code POST /v2/incidents/{key}/resolution}. */
final class IncidentHandler implements ResourceHandler {

  private final EngineApi api;
  private final JsonMapping json;

  IncidentHandler(EngineApi api, JsonMapping json) {
    this.api = api;
    this.json = json;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("POST", "/v2/incidents/{incidentKey}/resolution", this::resolve));
  }

  private Reply<?> resolve(RestRequest request) {
    final long incidentKey = request.pathKey("incidentKey");
    // read only to refuse a malformed body; its operationReference is not tracked by the engine
    json.read(request.body(), IncidentResolutionRequest.class);
    return Reply.noContent(api.resolveIncident(incidentKey));
  }
}
