package io.learnops.engine.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.Rejection;
import io.learnops.engine.read.ReadModel;
import io.learnops.engine.read.UserTaskEntry;
import io.learnops.engine.read.VariableEntry;
import io.learnops.engine.read.query.FieldType;
import io.learnops.engine.read.query.Filters;
import io.learnops.engine.read.query.Schema;
import io.learnops.engine.read.query.Search;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code /v2/user-tasks}: search, get, the linked form and the task's variables (the commands are
 * {@link UserTaskHandler}). Tasks stay readable after completion, like the other read entities.
 */
final class UserTaskReadHandler implements ResourceHandler {

  static final Schema<UserTaskEntry> SCHEMA = Schema.<UserTaskEntry>of("userTasks", UserTaskEntry::key)
      .key("userTaskKey", UserTaskEntry::key)
      .string("state", UserTaskEntry::state)
      .string("assignee", UserTaskEntry::assignee)
      .integer("priority", UserTaskEntry::priority)
      .string("elementId", UserTaskEntry::elementId)
      .string("name", UserTaskEntry::name)
      .string("tenantId", UserTaskEntry::tenantId)
      .string("processDefinitionId", UserTaskEntry::processDefinitionId)
      .key("processDefinitionKey", UserTaskEntry::processDefinitionKey)
      .key("processInstanceKey", UserTaskEntry::processInstanceKey)
      .key("elementInstanceKey", UserTaskEntry::elementInstanceKey)
      .date("creationDate", UserTaskEntry::creationDate)
      .date("completionDate", UserTaskEntry::completionDate)
      .string("dueDate", UserTaskEntry::dueDate)
      .string("followUpDate", UserTaskEntry::followUpDate)
      .filter("candidateGroup", value -> anyOf("candidateGroup", value, UserTaskEntry::candidateGroups))
      .filter("candidateUser", value -> anyOf("candidateUser", value, UserTaskEntry::candidateUsers));

  private final ReadModel read;
  private final EngineApi api;
  private final JsonMapping json;

  UserTaskReadHandler(ReadModel read, EngineApi api, JsonMapping json) {
    this.read = read;
    this.api = api;
    this.json = json;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v2/user-tasks/search", this::search),
        Route.of("GET", "/v2/user-tasks/{userTaskKey}", this::get),
        Route.of("GET", "/v2/user-tasks/{userTaskKey}/form", this::form),
        Route.of("POST", "/v2/user-tasks/{userTaskKey}/variables/search", this::variables));
  }

  private Reply<?> search(RestRequest request) {
    return ReadReplies.page(Search.run(read.userTasks(), json.tree(request.body()), SCHEMA),
        UserTaskReadHandler::render);
  }

  private Reply<?> get(RestRequest request) {
    final long key = request.pathKey("userTaskKey");
    return ReadReplies.one(read.userTasks().get(key), "a user task", key, UserTaskReadHandler::render);
  }

  private Reply<?> form(RestRequest request) {
    final long key = request.pathKey("userTaskKey");
    final UserTaskEntry task = ReadReplies.found(read.userTasks().get(key), "a user task", key).orElseThrow();
    if (task.formKey() < 0) {
      throw Rejection.notFound("User task %d has no linked form".formatted(key));
    }
    return Reply.json(api.form(task.formKey()), form -> form
        .map(f -> new JsonItem()
            .key("formKey", f.formKey())
            .put("formId", f.formId())
            .put("version", f.version())
            .put("schema", f.schema())
            .put("tenantId", f.tenantId())
            .toMap())
        .orElseThrow(() -> Rejection.notFound("The form of user task %d (form key %d) is not deployed"
            .formatted(key, task.formKey()))));
  }

  /** The variables the task sees: those of its element instance and of its process instance. */
  private Reply<?> variables(RestRequest request) {
    final long key = request.pathKey("userTaskKey");
    final UserTaskEntry task = ReadReplies.found(read.userTasks().get(key), "a user task", key).orElseThrow();
    final List<VariableEntry> visible = new ArrayList<>(read.variables().where("scopeKey", task.elementInstanceKey()));
    visible.addAll(read.variables().where("scopeKey", task.processInstanceKey()));
    return ReadReplies.page(Search.run(visible, json.tree(request.body()), VariableReadHandler.SCHEMA),
        VariableReadHandler::searchItem);
  }

  /** A candidate filter (a value or an advanced filter) holds when any of the task's candidates matches. */
  private static Predicate<UserTaskEntry> anyOf(String field, JsonNode value,
      Function<UserTaskEntry, List<String>> candidates) {
    final Filters.Condition condition = Filters.Condition.of(field, FieldType.STRING, value);
    return task -> candidates.apply(task).stream().anyMatch(condition::test);
  }

  static JsonItem render(UserTaskEntry t) {
    return new JsonItem()
        .key("userTaskKey", t.key())
        .put("name", t.name())
        .put("state", t.state())
        .put("assignee", t.assignee())
        .put("elementId", t.elementId())
        .key("elementInstanceKey", t.elementInstanceKey())
        .put("candidateGroups", t.candidateGroups())
        .put("candidateUsers", t.candidateUsers())
        .put("processDefinitionId", t.processDefinitionId())
        .key("processDefinitionKey", t.processDefinitionKey())
        .put("processDefinitionVersion", t.processDefinitionVersion())
        .key("processInstanceKey", t.processInstanceKey())
        .date("creationDate", t.creationDate())
        .date("completionDate", t.completionDate())
        .put("dueDate", t.dueDate())
        .put("followUpDate", t.followUpDate())
        .key("formKey", t.formKey())
        .put("externalFormReference", t.externalFormReference())
        .put("customHeaders", t.customHeaders())
        .put("priority", t.priority())
        .put("tenantId", t.tenantId());
  }
}
