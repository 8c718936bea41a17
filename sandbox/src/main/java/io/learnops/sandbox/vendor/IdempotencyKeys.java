package io.learnops.sandbox.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Idempotency keys as the IETF {@code Idempotency-Key} draft describes them: the first
 * successful answer to a key is kept; the same key with the same body gets that answer again
 * (nothing is created twice); the same key with a different body is a 422. Failed requests are
 * not remembered, so a corrected retry under the same key goes through. Keys are scoped per
 * vendor and endpoint.
 */
final class IdempotencyKeys {

  /** A remembered answer and the request body it answered. */
  record Answer(JsonNode request, int status, Map<String, Object> body) {
  }

  private final Map<String, Answer> answers = new HashMap<>();

  /** Runs {@code action} once per key; the replay flag tells the caller which it was. */
  synchronized Replayable once(String scope, Optional<String> key, JsonNode request,
      Supplier<Answer> action) {
    String idempotencyKey = key.filter(k -> !k.isBlank()).orElseThrow(() -> new Problem(400,
        "idempotency_key_required", "Idempotency-Key header required",
        "send an Idempotency-Key header so a retried request cannot create twice"));
    String scoped = scope + "\n" + idempotencyKey;
    Answer earlier = answers.get(scoped);
    if (earlier != null) {
      if (!earlier.request().equals(request)) {
        throw Problem.unprocessable("idempotency_key_reused", "Idempotency-Key reused",
            "the key " + idempotencyKey + " was used for a different request");
      }
      return new Replayable(earlier, true);
    }
    Answer answer = action.get();
    answers.put(scoped, answer);
    return new Replayable(answer, false);
  }

  synchronized void clear() {
    answers.clear();
  }

  record Replayable(Answer answer, boolean replayed) {
  }
}
