package io.learnops.sandbox.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The filters of {@code GET /statements}. {@code agent} matches the actor by its inverse
 * functional identifier (mbox, mbox_sha1sum, openid or account); {@code since} is exclusive and
 * {@code until} inclusive, both on {@code stored}, as xAPI 1.0.3 §2.1.3 defines.
 */
record StatementFilter(Optional<JsonNode> agent, Optional<String> verb,
    Optional<String> activity, Optional<String> registration, Optional<Instant> since,
    Optional<Instant> until) implements Predicate<StoredStatement> {

  @Override
  public boolean test(StoredStatement s) {
    JsonNode json = s.json();
    return agent.map(a -> sameAgent(a, json.path("actor"))).orElse(true)
        && verb.map(v -> v.equals(json.path("verb").path("id").asText())).orElse(true)
        && activity.map(a -> a.equals(json.path("object").path("id").asText())).orElse(true)
        && registration.map(r -> r.equalsIgnoreCase(
            json.path("context").path("registration").asText())).orElse(true)
        && since.map(at -> s.stored().isAfter(at)).orElse(true)
        && until.map(at -> !s.stored().isAfter(at)).orElse(true);
  }

  static boolean sameAgent(JsonNode wanted, JsonNode actor) {
    for (String ifi : new String[] {"mbox", "mbox_sha1sum", "openid"}) {
      if (wanted.hasNonNull(ifi)) {
        return wanted.get(ifi).asText().equalsIgnoreCase(actor.path(ifi).asText());
      }
    }
    JsonNode account = wanted.path("account");
    return account.isObject()
        && account.path("homePage").asText().equals(actor.path("account").path("homePage")
            .asText())
        && account.path("name").asText().equals(actor.path("account").path("name").asText());
  }
}
