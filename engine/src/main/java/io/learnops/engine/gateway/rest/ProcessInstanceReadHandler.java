package io.learnops.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnops.engine.read.ElementInstanceEntry;
import io.learnops.engine.read.IncidentEntry;
import io.learnops.engine.read.JobEntry;
import io.learnops.engine.read.ProcessInstanceEntry;
import io.learnops.engine.read.ReadModel;
import io.learnops.engine.read.SequenceFlowEntry;
import io.learnops.engine.read.query.FieldType;
import io.learnops.engine.read.query.Filters;
import io.learnops.engine.read.query.Schema;
import io.learnops.engine.read.query.Search;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * {@code /v2/process-instances} reads: search, get, sequence flows, call hierarchy, element
 * statistics and the instance's incidents.
 */
final class ProcessInstanceReadHandler implements ResourceHandler {

  private final ReadModel read;
  private final JsonMapping json;
  private final Schema<ProcessInstanceEntry> schema;

  ProcessInstanceReadHandler(ReadModel read, JsonMapping json) {
    this.read = read;
    this.json = json;
    this.schema = Schema.<ProcessInstanceEntry>of("process instances", ProcessInstanceEntry::key)
        .key("processInstanceKey", ProcessInstanceEntry::key)
        .key("processDefinitionKey", ProcessInstanceEntry::processDefinitionKey)
        .string("processDefinitionId", ProcessInstanceEntry::processDefinitionId)
        .string("processDefinitionName", this::nameOf)
        .integer("processDefinitionVersion", ProcessInstanceEntry::processDefinitionVersion)
        .string("processDefinitionVersionTag", p -> null)
        .key("parentProcessInstanceKey", ProcessInstanceEntry::parentProcessInstanceKey)
        .key("parentElementInstanceKey", ProcessInstanceEntry::parentElementInstanceKey)
        .date("startDate", ProcessInstanceEntry::startDate)
        .date("endDate", ProcessInstanceEntry::endDate)
        .string("state", ProcessInstanceEntry::state)
        .bool("hasIncident", ProcessInstanceEntry::hasIncident)
        .string("tenantId", ProcessInstanceEntry::tenantId)
        .filter("variables", value -> {
          final Set<Long> matching = VariableValueFilter.matchingInstances(value, read.variables());
          return p -> matching.contains(p.key());
        })
        // instances cannot be tagged or batch-operated here, so any such condition matches none
        .filter("tags", value -> p -> false)
        .filter("batchOperationId", value -> p -> false)
        .filter("elementId", value -> instancesWith(read.elementInstances().all(),
            ElementInstanceEntry::processInstanceKey, e -> e.elementId(), FieldType.STRING, "elementId", value))
        .filter("elementInstanceState", value -> instancesWith(read.elementInstances().all(),
            ElementInstanceEntry::processInstanceKey, e -> e.state(), FieldType.STRING, "elementInstanceState", value))
        .filter("hasElementInstanceIncident", value -> instancesWith(read.elementInstances().all(),
            ElementInstanceEntry::processInstanceKey, e -> e.hasIncident(), FieldType.BOOLEAN,
            "hasElementInstanceIncident", value))
        .filter("errorMessage", value -> instancesWith(read.incidents().all(),
            IncidentEntry::processInstanceKey, i -> "ACTIVE".equals(i.state()) ? i.errorMessage() : null,
            FieldType.STRING, "errorMessage", value))
        .filter("hasRetriesLeft", value -> instancesWith(read.jobs().all(),
            JobEntry::processInstanceKey, j -> j.retries() > 0, FieldType.BOOLEAN, "hasRetriesLeft", value));
  }

  /** Instances with at least one related entry (element instance, incident, job) whose value matches. */
  private static <E> Predicate<ProcessInstanceEntry> instancesWith(Collection<E> entries, ToLongFunction<E> instance,
      Function<E, Object> value, FieldType type, String name, JsonNode condition) {
    final Filters.Condition test = Filters.Condition.of(name, type, condition);
    final Set<Long> matching = new HashSet<>();
    entries.forEach(entry -> {
      if (test.test(value.apply(entry))) {
        matching.add(instance.applyAsLong(entry));
      }
    });
    return p -> matching.contains(p.key());
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v2/process-instances/search", this::search),
        Route.of("GET", "/v2/process-instances/{processInstanceKey}", this::get),
        Route.of("GET", "/v2/process-instances/{processInstanceKey}/sequence-flows", this::sequenceFlows),
        Route.of("GET", "/v2/process-instances/{processInstanceKey}/call-hierarchy", this::callHierarchy),
        Route.of("GET", "/v2/process-instances/{processInstanceKey}/statistics/element-instances", this::statistics),
        Route.of("POST", "/v2/process-instances/{processInstanceKey}/incidents/search", this::incidents));
  }

  private Reply<?> search(RestRequest request) {
    return ReadReplies.page(Search.run(read.processInstances(), json.tree(request.body()), schema),
        this::render);
  }

  private Reply<?> get(RestRequest request) {
    final long key = request.pathKey("processInstanceKey");
    return ReadReplies.one(read.processInstances().get(key), "a process instance", key,
        this::render);
  }

  private Reply<?> sequenceFlows(RestRequest request) {
    final long key = existing(request).key();
    return ReadReplies.list(read.sequenceFlows().where("processInstanceKey", key).stream()
        .map(ProcessInstanceReadHandler::renderFlow)
        .toList());
  }

  /** The instance's ancestry: its root first, the instance itself last. */
  private Reply<?> callHierarchy(RestRequest request) {
    final Deque<JsonItem> chain = new ArrayDeque<>();
    Optional<ProcessInstanceEntry> current = Optional.of(existing(request));
    while (current.isPresent()) {
      final ProcessInstanceEntry instance = current.get();
      chain.addFirst(new JsonItem()
          .key("processInstanceKey", instance.key())
          .key("processDefinitionKey", instance.processDefinitionKey())
          .put("processDefinitionName", nameOf(instance)));
      current = instance.parentProcessInstanceKey() < 0 ? Optional.empty()
          : read.processInstances().get(instance.parentProcessInstanceKey());
    }
    return Reply.now(RestResponse.ok(chain.stream().map(JsonItem::toMap).toList()));
  }

  private Reply<?> statistics(RestRequest request) {
    final long key = existing(request).key();
    return ReadReplies.list(ElementStatistics.of(
        read.elementInstances().where("processInstanceKey", key)));
  }

  private Reply<?> incidents(RestRequest request) {
    final long key = existing(request).key();
    return ReadReplies.page(Search.run(read.incidents().where("processInstanceKey", key), json.tree(request.body()),
        IncidentReadHandler.SCHEMA), IncidentReadHandler::render);
  }

  private ProcessInstanceEntry existing(RestRequest request) {
    final long key = request.pathKey("processInstanceKey");
    return ReadReplies.found(read.processInstances().get(key), "a process instance", key).orElseThrow();
  }

  private String nameOf(ProcessInstanceEntry p) {
    return read.names().processName(p.processDefinitionKey()).orElse(null);
  }

  private JsonItem render(ProcessInstanceEntry p) {
    return new JsonItem()
        .key("processInstanceKey", p.key())
        .key("processDefinitionKey", p.processDefinitionKey())
        .put("processDefinitionId", p.processDefinitionId())
        .put("processDefinitionName", nameOf(p))
        .put("processDefinitionVersion", p.processDefinitionVersion())
        .key("parentProcessInstanceKey", p.parentProcessInstanceKey())
        .key("parentElementInstanceKey", p.parentElementInstanceKey())
        .date("startDate", p.startDate())
        .date("endDate", p.endDate())
        .put("state", p.state())
        .put("hasIncident", p.hasIncident())
        .put("tenantId", p.tenantId());
  }

  private static JsonItem renderFlow(SequenceFlowEntry flow) {
    return new JsonItem()
        .put("sequenceFlowId", flow.sequenceFlowId())
        .put("elementId", flow.sequenceFlowId())
        .key("processInstanceKey", flow.processInstanceKey())
        .key("processDefinitionKey", flow.processDefinitionKey())
        .put("processDefinitionId", flow.processDefinitionId())
        .put("tenantId", flow.tenantId());
  }
}
