package io.learnops.engine.gateway.rest;

import io.learnops.engine.read.ReadModel;
import io.learnops.engine.read.VariableEntry;
import io.learnops.engine.read.query.Schema;
import io.learnops.engine.read.query.Search;
import java.util.List;

/** {@code /v2/variables}: search and get. Values are JSON text and never truncated. */
final class VariableReadHandler implements ResourceHandler {

  static final Schema<VariableEntry> SCHEMA = Schema.<VariableEntry>of("variables", VariableEntry::key)
      .key("variableKey", VariableEntry::key)
      .string("name", VariableEntry::name)
      .string("value", VariableEntry::value)
      .key("scopeKey", VariableEntry::scopeKey)
      .key("processInstanceKey", VariableEntry::processInstanceKey)
      .string("tenantId", VariableEntry::tenantId)
      .bool("isTruncated", v -> false);

  private final ReadModel read;
  private final JsonMapping json;

  VariableReadHandler(ReadModel read, JsonMapping json) {
    this.read = read;
    this.json = json;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v2/variables/search", this::search),
        Route.of("GET", "/v2/variables/{variableKey}", this::get));
  }

  private Reply<?> search(RestRequest request) {
    return ReadReplies.page(Search.run(read.variables(), json.tree(request.body()), SCHEMA),
        VariableReadHandler::searchItem);
  }

  private Reply<?> get(RestRequest request) {
    final long key = request.pathKey("variableKey");
    return ReadReplies.one(read.variables().get(key), "a variable", key, VariableReadHandler::render);
  }

  /** A variable in a search answer, which the schema requires to say whether its value was cut (never here). */
  static JsonItem searchItem(VariableEntry v) {
    return render(v).put("isTruncated", false);
  }

  static JsonItem render(VariableEntry v) {
    return new JsonItem()
        .key("variableKey", v.key())
        .put("name", v.name())
        .put("value", v.value())
        .key("scopeKey", v.scopeKey())
        .key("processInstanceKey", v.processInstanceKey())
        .put("tenantId", v.tenantId());
  }
}
