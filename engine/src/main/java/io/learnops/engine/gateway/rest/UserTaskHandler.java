package io.learnops.engine.gateway.rest;

import io.camunda.client.protocol.rest.FormResult;
import io.camunda.client.protocol.rest.UserTaskAssignmentRequest;
import io.camunda.client.protocol.rest.UserTaskCompletionRequest;
import io.camunda.client.protocol.rest.UserTaskResult;
import io.camunda.client.protocol.rest.UserTaskStateEnum;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.EngineApi.UserTaskView;
import io.learnops.engine.api.JsonVariables;
import io.learnops.engine.api.Rejection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /v2/user-tasks}: assign, unassign, update and complete a user task, and read an open
 * one and its form. The commands answer once the transition took effect, after the task's
 * listeners; a listener's denial is a 409.
 */
final class UserTaskHandler implements ResourceHandler {

  private static final String KEY = "userTaskKey";

  private final EngineApi api;
  private final JsonMapping json;

  UserTaskHandler(EngineApi api, JsonMapping json) {
    this.api = api;
    this.json = json;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v2/user-tasks/{userTaskKey}/assignment", this::assign),
        Route.of("DELETE", "/v2/user-tasks/{userTaskKey}/assignee", this::unassign),
        Route.of("PATCH", "/v2/user-tasks/{userTaskKey}", this::update),
        Route.of("POST", "/v2/user-tasks/{userTaskKey}/completion", this::complete),
        Route.of("GET", "/v2/user-tasks/{userTaskKey}", this::get),
        Route.of("GET", "/v2/user-tasks/{userTaskKey}/form", this::form));
  }

  private Reply<?> assign(RestRequest request) {
    final long key = request.pathKey(KEY);
    final UserTaskAssignmentRequest body = json.read(request.body(), UserTaskAssignmentRequest.class, "assignee");
    final String assignee = Fields.requireText(body.getAssignee(), "assignee");
    return Reply.noContent(api.assignUserTask(key, assignee,
        Objects.requireNonNullElse(body.getAllowOverride(), true), body.getAction()));
  }

  private Reply<?> unassign(RestRequest request) {
    return Reply.noContent(api.assignUserTask(request.pathKey(KEY), "", true, "unassign"));
  }

  /**
   * The changeset is read as a plain object: an attribute sent as an empty string or list clears
   * it, one left out stays as it is.
   */
  private Reply<?> update(RestRequest request) {
    final long key = request.pathKey(KEY);
    final Map<String, Object> body = json.readObject(request.body());
    final Object changeset = body.get("changeset");
    if (changeset != null && !(changeset instanceof Map<?, ?>)) {
      throw Rejection.invalidArgument("Expected 'changeset' to be a JSON object");
    }
    final Map<String, Object> changes = new LinkedHashMap<>();
    if (changeset instanceof Map<?, ?> attributes) {
      attributes.forEach((name, value) -> {
        if (value != null) {
          changes.put(String.valueOf(name), value);
        }
      });
    }
    final Object action = body.get("action");
    return Reply.noContent(api.updateUserTask(key, changes, action == null ? null : action.toString()));
  }

  private Reply<?> complete(RestRequest request) {
    final long key = request.pathKey(KEY);
    final UserTaskCompletionRequest body = json.read(request.body(), UserTaskCompletionRequest.class);
    return Reply.noContent(api.completeUserTask(key, JsonVariables.orEmpty(body.getVariables()), body.getAction()));
  }

  private Reply<?> get(RestRequest request) {
    final long key = request.pathKey(KEY);
    return Reply.json(api.openUserTasks().thenApply(tasks -> tasks.stream()
            .filter(task -> task.userTaskKey() == key)
            .findFirst()
            .orElseThrow(() -> notFound(key))),
        UserTaskHandler::toDto);
  }

  private Reply<?> form(RestRequest request) {
    final long key = request.pathKey(KEY);
    return Reply.json(api.openUserTasks().thenCompose(tasks -> {
      final UserTaskView task = tasks.stream().filter(t -> t.userTaskKey() == key).findFirst().orElseThrow(() -> notFound(key));
      if (task.formKey() < 0) {
        throw Rejection.notFound("User task %d has no linked form".formatted(key));
      }
      return api.form(task.formKey());
    }), form -> form.map(UserTaskHandler::toDto).orElseThrow(() -> Rejection.notFound("The form of user task %d is not deployed".formatted(key))));
  }

  private static Rejection notFound(long key) {
    return Rejection.notFound("Expected to find user task with key '%d', but no open user task has it".formatted(key));
  }

  static UserTaskResult toDto(UserTaskView task) {
    return new UserTaskResult()
        .userTaskKey(String.valueOf(task.userTaskKey()))
        .name(task.name())
        .state(UserTaskStateEnum.fromValue(task.state()))
        .assignee(task.assignee())
        .elementId(task.elementId())
        .elementInstanceKey(String.valueOf(task.elementInstanceKey()))
        .candidateGroups(task.candidateGroups())
        .candidateUsers(task.candidateUsers())
        .processDefinitionId(task.bpmnProcessId())
        .processDefinitionKey(String.valueOf(task.processDefinitionKey()))
        .processDefinitionVersion(task.processDefinitionVersion())
        .processInstanceKey(String.valueOf(task.processInstanceKey()))
        .creationDate(Instant.ofEpochMilli(task.creationDate()).toString())
        .completionDate(task.completionDate() < 0 ? null : Instant.ofEpochMilli(task.completionDate()).toString())
        .dueDate(task.dueDate())
        .followUpDate(task.followUpDate())
        .formKey(task.formKey() < 0 ? null : String.valueOf(task.formKey()))
        .externalFormReference(task.externalFormReference())
        .customHeaders(task.customHeaders())
        .priority(task.priority())
        .tenantId(task.tenantId());
  }

  private static FormResult toDto(EngineApi.FormView form) {
    return new FormResult()
        .formKey(String.valueOf(form.formKey()))
        .formId(form.formId())
        .version((long) form.version())
        .schema(form.schema())
        .tenantId(form.tenantId());
  }
}
