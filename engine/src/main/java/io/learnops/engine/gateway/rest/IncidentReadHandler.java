package io.learnops.engine.gateway.rest;

import io.learnops.engine.read.IncidentEntry;
import io.learnops.engine.read.ReadModel;
import io.learnops.engine.read.query.Schema;
import io.learnops.engine.read.query.Search;
import java.util.List;

/** {@code /v2/incidents}: search and get (resolution is {@link IncidentHandler}). */
final class IncidentReadHandler implements ResourceHandler {

  static final Schema<IncidentEntry> SCHEMA = Schema.<IncidentEntry>of("incidents", IncidentEntry::key)
      .key("incidentKey", IncidentEntry::key)
      .key("processDefinitionKey", IncidentEntry::processDefinitionKey)
      .string("processDefinitionId", IncidentEntry::processDefinitionId)
      .key("processInstanceKey", IncidentEntry::processInstanceKey)
      .string("errorType", IncidentEntry::errorType)
      .string("errorMessage", IncidentEntry::errorMessage)
      .string("elementId", IncidentEntry::elementId)
      .key("elementInstanceKey", IncidentEntry::elementInstanceKey)
      .date("creationTime", IncidentEntry::creationTime)
      .string("state", IncidentEntry::state)
      .key("jobKey", IncidentEntry::jobKey)
      .string("tenantId", IncidentEntry::tenantId);

  private final ReadModel read;
  private final JsonMapping json;

  IncidentReadHandler(ReadModel read, JsonMapping json) {
    this.read = read;
    this.json = json;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v2/incidents/search", this::search),
        Route.of("GET", "/v2/incidents/{incidentKey}", this::get));
  }

  private Reply<?> search(RestRequest request) {
    return ReadReplies.page(Search.run(read.incidents(), json.tree(request.body()), SCHEMA),
        IncidentReadHandler::render);
  }

  private Reply<?> get(RestRequest request) {
    final long key = request.pathKey("incidentKey");
    return ReadReplies.one(read.incidents().get(key), "an incident", key, IncidentReadHandler::render);
  }

  static JsonItem render(IncidentEntry i) {
    return new JsonItem()
        .key("incidentKey", i.key())
        .key("processDefinitionKey", i.processDefinitionKey())
        .put("processDefinitionId", i.processDefinitionId())
        .key("processInstanceKey", i.processInstanceKey())
        .put("errorType", i.errorType())
        .put("errorMessage", i.errorMessage())
        .put("elementId", i.elementId())
        .key("elementInstanceKey", i.elementInstanceKey())
        .date("creationTime", i.creationTime())
        .put("state", i.state())
        .key("jobKey", i.jobKey())
        .put("tenantId", i.tenantId());
  }
}
