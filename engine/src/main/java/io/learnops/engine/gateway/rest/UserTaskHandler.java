package io.learnops.engine.gateway.rest;

import io.camunda.client.protocol.rest.UserTaskAssignmentRequest;
import io.camunda.client.protocol.rest.UserTaskCompletionRequest;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.JsonVariables;
import io.learnops.engine.api.Rejection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /v2/user-tasks}: assign, unassign, update and complete a user task (reads are {@link
 * UserTaskReadHandler}). The commands answer once the transition took effect, after the task's
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
        Route.of("POST", "/v2/user-tasks/{userTaskKey}/completion", this::complete));
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

}
