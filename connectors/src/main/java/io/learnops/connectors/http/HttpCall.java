package io.learnops.connectors.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpMethod;

/**
 * One logical call, possibly sent several times. {@code retrySafe} says whether sending it again
 * after an ambiguous failure (timeout, 5xx) cannot do harm: true for GET/PUT/DELETE, for calls
 * that carry an idempotency key, and for reads tunnelled through POST (Moodle).
 */
public record HttpCall(HttpMethod method, URI uri, Map<String, String> headers, byte[] body,
    Optional<String> idempotencyKey, boolean retrySafe) {

  public HttpCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body.clone();
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }

  public static HttpCall get(URI uri) {
    return new HttpCall(HttpMethod.GET, uri, Map.of(), null, Optional.empty(), true);
  }

  /** A POST that is not safe to resend unless it is given an idempotency key. */
  public static HttpCall post(URI uri, String contentType, String body) {
    return new HttpCall(HttpMethod.POST, uri, Map.of("Content-Type", contentType),
        body.getBytes(StandardCharsets.UTF_8), Optional.empty(), false);
  }

  public static HttpCall put(URI uri, String contentType, String body) {
    return new HttpCall(HttpMethod.PUT, uri, Map.of("Content-Type", contentType),
        body.getBytes(StandardCharsets.UTF_8), Optional.empty(), true);
  }

  public HttpCall withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new HttpCall(method, uri, copy, body, idempotencyKey, retrySafe);
  }

  /** The same key is sent on every attempt, so the server can drop duplicates. */
  public HttpCall withIdempotencyKey(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("idempotency key must not be blank");
    }
    return new HttpCall(method, uri, headers, body, Optional.of(key), true);
  }

  /** Marks a POST that only reads (or is otherwise harmless to repeat). */
  public HttpCall asRetrySafe() {
    return new HttpCall(method, uri, headers, body, idempotencyKey, true);
  }
}
