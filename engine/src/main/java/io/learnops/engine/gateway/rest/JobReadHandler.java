package io.learnops.engine.gateway.rest;

import io.learnops.engine.read.JobEntry;
import io.learnops.engine.read.ReadModel;
import io.learnops.engine.read.query.Schema;
import io.learnops.engine.read.query.Search;
import java.util.List;

/** {@code POST /v2/jobs/search}. Every job is a BPMN element job; listeners are not executed yet. */
final class JobReadHandler implements ResourceHandler {

  private static final Schema<JobEntry> SCHEMA = Schema.<JobEntry>of("jobs", JobEntry::key)
      .key("jobKey", JobEntry::key)
      .string("type", JobEntry::type)
      .string("worker", JobEntry::worker)
      .string("state", JobEntry::state)
      .string("kind", j -> "BPMN_ELEMENT")
      .string("listenerEventType", j -> "UNSPECIFIED")
      .integer("retries", JobEntry::retries)
      .date("deadline", JobEntry::deadline)
      .date("endTime", JobEntry::endTime)
      .string("errorMessage", JobEntry::errorMessage)
      .string("errorCode", j -> null)
      .bool("hasFailedWithRetriesLeft", JobEntry::hasFailedWithRetriesLeft)
      .bool("isDenied", j -> false)
      .string("deniedReason", j -> null)
      .string("elementId", JobEntry::elementId)
      .key("elementInstanceKey", JobEntry::elementInstanceKey)
      .key("processInstanceKey", JobEntry::processInstanceKey)
      .key("processDefinitionKey", JobEntry::processDefinitionKey)
      .string("processDefinitionId", JobEntry::processDefinitionId)
      .string("tenantId", JobEntry::tenantId);

  private final ReadModel read;
  private final JsonMapping json;

  JobReadHandler(ReadModel read, JsonMapping json) {
    this.read = read;
    this.json = json;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("POST", "/v2/jobs/search", this::search));
  }

  private Reply<?> search(RestRequest request) {
    return ReadReplies.page(Search.run(read.jobs(), json.tree(request.body()), SCHEMA), JobReadHandler::render);
  }

  private static JsonItem render(JobEntry j) {
    return new JsonItem()
        .key("jobKey", j.key())
        .put("type", j.type())
        .put("worker", j.worker())
        .put("state", j.state())
        .put("kind", "BPMN_ELEMENT")
        .put("listenerEventType", "UNSPECIFIED")
        .put("retries", j.retries())
        .put("isDenied", false)
        .put("hasFailedWithRetriesLeft", j.hasFailedWithRetriesLeft())
        .put("errorMessage", j.errorMessage())
        .put("customHeaders", j.customHeaders())
        .date("deadline", j.deadline())
        .date("endTime", j.endTime())
        .put("elementId", j.elementId())
        .key("elementInstanceKey", j.elementInstanceKey())
        .key("processInstanceKey", j.processInstanceKey())
        .key("processDefinitionKey", j.processDefinitionKey())
        .put("processDefinitionId", j.processDefinitionId())
        .put("tenantId", j.tenantId());
  }
}
