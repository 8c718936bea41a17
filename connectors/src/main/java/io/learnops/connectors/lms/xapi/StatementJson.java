package io.learnops.connectors.lms.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnops.connectors.http.JsonSupport;
import io.learnops.connectors.http.TechnicalFailure;
import io.learnops.connectors.lms.xapi.LearningStatement.Account;
import io.learnops.connectors.lms.xapi.LearningStatement.Activity;
import io.learnops.connectors.lms.xapi.LearningStatement.Actor;
import io.learnops.connectors.lms.xapi.LearningStatement.Result;
import io.learnops.connectors.lms.xapi.LearningStatement.Verb;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/** Maps {@link LearningStatement} to and from xAPI 1.0.3 JSON. */
final class StatementJson {

  private static final String LANG = "en-US";
  private final JsonSupport json;

  StatementJson(JsonSupport json) {
    this.json = json;
  }

  ObjectNode write(LearningStatement statement) {
    ObjectNode node = json.mapper().createObjectNode();
    statement.id().ifPresent(id -> node.put("id", id.toString()));
    node.set("actor", actor(statement.actor()));
    ObjectNode verb = node.putObject("verb");
    verb.put("id", statement.verb().id());
    verb.putObject("display").put(LANG, statement.verb().display());
    ObjectNode object = node.putObject("object");
    object.put("objectType", "Activity");
    object.put("id", statement.activity().id());
    if (statement.activity().name().isPresent() || statement.activity().type().isPresent()) {
      ObjectNode definition = object.putObject("definition");
      statement.activity().name().ifPresent(n -> definition.putObject("name").put(LANG, n));
      statement.activity().type().ifPresent(t -> definition.put("type", t));
    }
    statement.result().ifPresent(result -> node.set("result", result(result)));
    statement.registration().ifPresent(
        registration -> node.putObject("context").put("registration", registration.toString()));
    statement.timestamp().ifPresent(at -> node.put("timestamp", at.toString()));
    return node;
  }

  ObjectNode actor(Actor actor) {
    ObjectNode node = json.mapper().createObjectNode();
    node.put("objectType", "Agent");
    if (actor.name() != null) {
      node.put("name", actor.name());
    }
    actor.mbox().ifPresent(mbox -> node.put("mbox", mbox));
    actor.account().ifPresent(account -> {
      ObjectNode a = node.putObject("account");
      a.put("homePage", account.homePage());
      a.put("name", account.name());
    });
    return node;
  }

  /** The agent as the {@code agent} query parameter wants it: identifying properties only. */
  ObjectNode agentFilter(Actor actor) {
    ObjectNode node = actor(actor);
    node.remove("name");
    return node;
  }

  private ObjectNode result(Result result) {
    ObjectNode node = json.mapper().createObjectNode();
    if (result.scaled().isPresent() || result.raw().isPresent()) {
      ObjectNode score = node.putObject("score");
      result.scaled().ifPresent(v -> score.put("scaled", v));
      result.raw().ifPresent(v -> score.put("raw", v));
      result.min().ifPresent(v -> score.put("min", v));
      result.max().ifPresent(v -> score.put("max", v));
    }
    result.success().ifPresent(v -> node.put("success", v));
    result.completion().ifPresent(v -> node.put("completion", v));
    result.duration().ifPresent(v -> node.put("duration", v));
    return node;
  }

  LearningStatement read(JsonNode node) {
    if (!node.isObject()) {
      throw json.malformed("statement is not an object", null);
    }
    JsonNode actorNode = json.required(node, "actor");
    JsonNode verbNode = json.required(node, "verb");
    JsonNode objectNode = json.required(node, "object");
    Verb verb = new Verb(json.requiredText(verbNode, "id"),
        display(verbNode.path("display")).orElse(""));
    Activity activity = new Activity(json.requiredText(objectNode, "id"),
        display(objectNode.path("definition").path("name")),
        text(objectNode.path("definition"), "type"));
    return new LearningStatement(text(node, "id").map(this::uuid), actor(actorNode), verb,
        activity, Optional.ofNullable(node.get("result")).map(this::result),
        text(node.path("context"), "registration").map(this::uuid),
        text(node, "timestamp").map(this::instant), text(node, "stored").map(this::instant));
  }

  private Actor actor(JsonNode node) {
    String name = JsonSupport.textOrNull(node, "name");
    Optional<String> mbox = text(node, "mbox");
    JsonNode account = node.get("account");
    if (mbox.isPresent()) {
      return new Actor(name, mbox, Optional.empty());
    }
    if (account != null && account.isObject()) {
      return new Actor(name, Optional.empty(), Optional.of(new Account(
          json.requiredText(account, "homePage"), json.requiredText(account, "name"))));
    }
    // mbox_sha1sum, openid and groups are legal xAPI but not used by LearnOps: keep what we can
    return new Actor(name, Optional.of(text(node, "mbox_sha1sum").map(s -> "sha1:" + s)
        .or(() -> text(node, "openid")).orElse("unknown")), Optional.empty());
  }

  private Result result(JsonNode node) {
    JsonNode score = node.path("score");
    return new Result(number(score, "scaled"), number(score, "raw"), number(score, "min"),
        number(score, "max"), bool(node, "success"), bool(node, "completion"),
        text(node, "duration"));
  }

  private Optional<String> display(JsonNode languageMap) {
    if (!languageMap.isObject() || languageMap.isEmpty()) {
      return Optional.empty();
    }
    JsonNode preferred = languageMap.get(LANG);
    return Optional.of(preferred != null ? preferred.asText()
        : languageMap.elements().next().asText());
  }

  private static Optional<String> text(JsonNode node, String field) {
    return Optional.ofNullable(JsonSupport.textOrNull(node, field));
  }

  private Optional<Double> number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isNumber()) {
      throw json.malformed("'" + field + "' is not a number", null);
    }
    return Optional.of(value.asDouble());
  }

  private static Optional<Boolean> bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isBoolean() ? Optional.empty() : Optional.of(value.asBoolean());
  }

  private UUID uuid(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw malformed("not a UUID: " + value, e);
    }
  }

  private Instant instant(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw malformed("not an ISO 8601 timestamp: " + value, e);
    }
  }

  private TechnicalFailure malformed(String message, Throwable cause) {
    return json.malformed(message, cause);
  }
}
