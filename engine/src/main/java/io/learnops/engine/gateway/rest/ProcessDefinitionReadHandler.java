package io.learnops.engine.gateway.rest;

import io.learnops.engine.read.ProcessDefinitionEntry;
import io.learnops.engine.read.ReadModel;
import io.learnops.engine.read.query.Schema;
import io.learnops.engine.read.query.Search;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /v2/process-definitions}: search, get, XML and element statistics. */
final class ProcessDefinitionReadHandler implements ResourceHandler {

  private final ReadModel read;
  private final JsonMapping json;
  private final Schema<ProcessDefinitionEntry> schema;

  ProcessDefinitionReadHandler(ReadModel read, JsonMapping json) {
    this.read = read;
    this.json = json;
    this.schema = Schema.<ProcessDefinitionEntry>of("process definitions", ProcessDefinitionEntry::key)
        .key("processDefinitionKey", ProcessDefinitionEntry::key)
        .string("processDefinitionId", ProcessDefinitionEntry::processDefinitionId)
        .string("name", this::nameOf)
        .string("resourceName", ProcessDefinitionEntry::resourceName)
        .integer("version", ProcessDefinitionEntry::version)
        .string("versionTag", d -> null)
        .string("tenantId", ProcessDefinitionEntry::tenantId)
        .bool("hasStartForm", d -> false)
        .filter("isLatestVersion", value -> {
          final Set<Long> latest = latestKeys();
          return d -> latest.contains(d.key()) == value.asBoolean();
        });
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v2/process-definitions/search", this::search),
        Route.of("GET", "/v2/process-definitions/{processDefinitionKey}", this::get),
        Route.of("GET", "/v2/process-definitions/{processDefinitionKey}/xml", this::xml),
        Route.of("POST", "/v2/process-definitions/{processDefinitionKey}/statistics/element-instances",
            this::statistics));
  }

  private Reply<?> search(RestRequest request) {
    return ReadReplies.page(Search.run(read.processDefinitions(), json.tree(request.body()), schema),
        this::render);
  }

  private Reply<?> get(RestRequest request) {
    final long key = request.pathKey("processDefinitionKey");
    return ReadReplies.one(read.processDefinitions().get(key), "a process definition", key,
        this::render);
  }

  private Reply<?> xml(RestRequest request) {
    final long key = request.pathKey("processDefinitionKey");
    final ProcessDefinitionEntry definition =
        ReadReplies.found(read.processDefinitions().get(key), "a process definition", key).orElseThrow();
    return Reply.now(RestResponse.xml(definition.xml()));
  }

  /** Counts per element over all instances of the definition (the request's filter is not applied). */
  private Reply<?> statistics(RestRequest request) {
    final long key = request.pathKey("processDefinitionKey");
    ReadReplies.found(read.processDefinitions().get(key), "a process definition", key);
    return ReadReplies.list(ElementStatistics.of(
        read.elementInstances().all().stream().filter(e -> e.processDefinitionKey() == key).toList()));
  }

  private Set<Long> latestKeys() {
    final Map<String, ProcessDefinitionEntry> latest = new HashMap<>();
    read.processDefinitions().all().forEach(d -> latest.merge(d.tenantId() + '\u0000' + d.processDefinitionId(), d,
        (a, b) -> b.version() > a.version() ? b : a));
    return latest.values().stream().map(ProcessDefinitionEntry::key).collect(Collectors.toSet());
  }

  private String nameOf(ProcessDefinitionEntry d) {
    return read.names().processName(d.key()).orElse(null);
  }

  private JsonItem render(ProcessDefinitionEntry d) {
    return new JsonItem()
        .key("processDefinitionKey", d.key())
        .put("processDefinitionId", d.processDefinitionId())
        .put("name", nameOf(d))
        .put("resourceName", d.resourceName())
        .put("version", d.version())
        .put("tenantId", d.tenantId())
        .put("hasStartForm", false);
  }
}
