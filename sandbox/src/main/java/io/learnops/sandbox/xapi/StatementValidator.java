package io.learnops.sandbox.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The checks a conformant LRS makes before storing, as far as they catch client bugs: the
 * required parts are there, the actor has exactly one identifier, ids are UUIDs, timestamps are
 * ISO 8601, the scaled score lies in -1..1. Anything else is accepted as sent.
 */
final class StatementValidator {

  void validate(ObjectNode statement) {
    if (statement.hasNonNull("id")) {
      uuid(statement.get("id").asText(), "id");
    }
    JsonNode actor = required(statement, "actor");
    int identifiers = 0;
    for (String ifi : new String[] {"mbox", "mbox_sha1sum", "openid", "account"}) {
      identifiers += actor.hasNonNull(ifi) ? 1 : 0;
    }
    if (identifiers != 1 && !"Group".equals(actor.path("objectType").asText())) {
      throw XapiException.badRequest("an agent has exactly one of mbox, mbox_sha1sum, openid "
          + "or account");
    }
    if (actor.hasNonNull("mbox") && !actor.get("mbox").asText().startsWith("mailto:")) {
      throw XapiException.badRequest("mbox must be a mailto: IRI");
    }
    requiredText(required(statement, "verb"), "verb.id");
    requiredText(required(statement, "object"), "object.id");
    if (statement.hasNonNull("timestamp")) {
      timestamp(statement.get("timestamp").asText());
    }
    JsonNode scaled = statement.path("result").path("score").path("scaled");
    if (!scaled.isMissingNode() && (!scaled.isNumber() || scaled.asDouble() < -1
        || scaled.asDouble() > 1)) {
      throw XapiException.badRequest("result.score.scaled must be a number within -1..1");
    }
    if (statement.path("context").hasNonNull("registration")) {
      uuid(statement.path("context").get("registration").asText(), "context.registration");
    }
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isObject()) {
      throw XapiException.badRequest("statement has no '" + field + "' object");
    }
    return value;
  }

  private static void requiredText(JsonNode node, String path) {
    JsonNode id = node.get("id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw XapiException.badRequest("statement has no '" + path + "'");
    }
  }

  private static void uuid(String value, String field) {
    try {
      UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw XapiException.badRequest(field + " is not a UUID: " + value);
    }
  }

  private static void timestamp(String value) {
    try {
      OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw XapiException.badRequest("timestamp is not ISO 8601: " + value);
    }
  }
}
