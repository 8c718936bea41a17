package io.learnops.engine.gateway.rest;

import io.learnops.engine.read.ElementInstanceEntry;
import io.learnops.engine.read.ReadModel;
import io.learnops.engine.read.query.Schema;
import io.learnops.engine.read.query.Search;
import java.util.List;

/** {@code /v2/element-instances}: search and get. */
final class ElementInstanceReadHandler implements ResourceHandler {

  private final ReadModel read;
  private final JsonMapping json;
  private final Schema<ElementInstanceEntry> schema;

  ElementInstanceReadHandler(ReadModel read, JsonMapping json) {
    this.read = read;
    this.json = json;
    this.schema = Schema.<ElementInstanceEntry>of("element instances", ElementInstanceEntry::key)
          .key("elementInstanceKey", ElementInstanceEntry::key)
          .key("processInstanceKey", ElementInstanceEntry::processInstanceKey)
          .key("processDefinitionKey", ElementInstanceEntry::processDefinitionKey)
          .string("processDefinitionId", ElementInstanceEntry::processDefinitionId)
          .string("elementId", ElementInstanceEntry::elementId)
          .string("elementName", this::nameOf)
          .string("type", ElementInstanceEntry::type)
          .string("state", ElementInstanceEntry::state)
          .bool("hasIncident", ElementInstanceEntry::hasIncident)
          .key("incidentKey", ElementInstanceEntry::incidentKey)
          .string("tenantId", ElementInstanceEntry::tenantId)
          .date("startDate", ElementInstanceEntry::startDate)
          .date("endDate", ElementInstanceEntry::endDate)
          .key("elementInstanceScopeKey", ElementInstanceEntry::flowScopeKey);
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v2/element-instances/search", this::search),
        Route.of("GET", "/v2/element-instances/{elementInstanceKey}", this::get));
  }

  private Reply<?> search(RestRequest request) {
    return ReadReplies.page(Search.run(read.elementInstances(), json.tree(request.body()), schema),
        this::render);
  }

  private Reply<?> get(RestRequest request) {
    final long key = request.pathKey("elementInstanceKey");
    return ReadReplies.one(read.elementInstances().get(key), "an element instance", key, this::render);
  }

  /** The element's name; an unnamed element is named by its id, as Camunda does, since the schema requires a name. */
  private String nameOf(ElementInstanceEntry e) {
    return read.names().elementName(e.processDefinitionKey(), e.elementId()).orElse(e.elementId());
  }

  private JsonItem render(ElementInstanceEntry e) {
    return new JsonItem()
        .key("elementInstanceKey", e.key())
        .key("processInstanceKey", e.processInstanceKey())
        .key("processDefinitionKey", e.processDefinitionKey())
        .put("processDefinitionId", e.processDefinitionId())
        .put("elementId", e.elementId())
        .put("elementName", nameOf(e))
        .put("type", e.type())
        .put("state", e.state())
        .put("hasIncident", e.hasIncident())
        .key("incidentKey", e.incidentKey())
        .put("tenantId", e.tenantId())
        .date("startDate", e.startDate())
        .date("endDate", e.endDate());
  }
}
