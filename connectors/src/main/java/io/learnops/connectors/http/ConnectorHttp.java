package io.learnops.connectors.http;

import io.learnops.connectors.http.TechnicalFailure.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends {@link HttpCall}s with timeouts and retries and turns every outcome into either an
 * {@link HttpResult} (2xx) or a {@link ConnectorException}.
 *
 * <table>
 *   <caption>Outcome mapping</caption>
 *   <tr><th>outcome</th><th>retried</th><th>finally</th></tr>
 *   <tr><td>2xx</td><td>–</td><td>result</td></tr>
 *   <tr><td>401, 403</td><td>no</td><td>TechnicalFailure MISCONFIGURED</td></tr>
 *   <tr><td>408, read timeout</td><td>if retry-safe</td><td>TechnicalFailure TIMEOUT</td></tr>
 *   <tr><td>429</td><td>yes</td><td>TechnicalFailure RATE_LIMITED</td></tr>
 *   <tr><td>503, connection refused / connect timeout</td><td>yes</td>
 *       <td>TechnicalFailure SERVER_ERROR / CONNECTION</td></tr>
 *   <tr><td>other 5xx</td><td>if retry-safe</td><td>TechnicalFailure SERVER_ERROR</td></tr>
 *   <tr><td>other 4xx</td><td>no</td><td>BusinessRejection (via {@link RejectionDecoder})</td></tr>
 *   <tr><td>1xx, 3xx</td><td>no</td><td>TechnicalFailure UNEXPECTED_STATUS</td></tr>
 * </table>
 *
 * <p>Requests that are not retry-safe are sent once on ambiguous failures: the server may have
 * acted on them. 429, 503 and failures to connect mean it did not, so those are always retried.
 */
public final class ConnectorHttp {

  public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

  private final String system;
  private final RetryPolicy retryPolicy;
  private final ConnectorRuntime runtime;
  private final RejectionDecoder rejectionDecoder;
  private final RestClient restClient;

  public ConnectorHttp(String system, Timeouts timeouts, RetryPolicy retryPolicy,
      ConnectorRuntime runtime, RejectionDecoder rejectionDecoder) {
    this.system = Objects.requireNonNull(system, "system");
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.rejectionDecoder = Objects.requireNonNull(rejectionDecoder, "rejectionDecoder");
    HttpClient httpClient = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeouts.connect())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
    factory.setReadTimeout(timeouts.read());
    this.restClient = RestClient.builder().requestFactory(factory).build();
  }

  public String system() {
    return system;
  }

  public HttpResult execute(HttpCall call) {
    int attempt = 1;
    while (true) {
      Attempt outcome = send(call);
      if (outcome.result() != null) {
        return outcome.result();
      }
      TechnicalFailure failure = outcome.failure();
      if (!outcome.retryable() || !retryPolicy.hasAttemptAfter(attempt)) {
        throw failure;
      }
      Duration delay = retryPolicy.backoffAfter(attempt, runtime.random());
      Optional<Duration> retryAfter = failure.retryAfter();
      if (retryAfter.isPresent()) {
        if (retryAfter.get().compareTo(retryPolicy.maxRetryAfter()) > 0) {
          throw failure;
        }
        delay = retryAfter.get().compareTo(delay) > 0 ? retryAfter.get() : delay;
      }
      pause(delay, failure);
      attempt++;
    }
  }

  private Attempt send(HttpCall call) {
    try {
      RestClient.RequestBodySpec request = restClient.method(call.method())
          .uri(call.uri())
          .headers(headers -> {
            call.headers().forEach(headers::set);
            call.idempotencyKey().ifPresent(key -> headers.set(IDEMPOTENCY_KEY_HEADER, key));
          });
      if (call.body().length > 0) {
        request = request.body(call.body());
      }
      return request.exchange((sent, response) -> classify(call, response.getStatusCode().value(),
              response.getHeaders(), response.getBody().readAllBytes()), true);
    } catch (ConnectorException e) {
      throw e;
    } catch (RestClientException e) {
      return ioFailure(call, e);
    }
  }

  private Attempt classify(HttpCall call, int status, HttpHeaders headers, byte[] body) {
    if (status >= 200 && status < 300) {
      return Attempt.success(new HttpResult(status, headers, body));
    }
    Duration retryAfter = retryAfter(headers).orElse(null);
    if (status == 401 || status == 403) {
      return Attempt.fail(technical(Kind.MISCONFIGURED, status, null,
          "credentials refused; check the connector settings"), false);
    }
    if (status == 408) {
      return Attempt.fail(technical(Kind.TIMEOUT, status, retryAfter, "request timeout"),
          call.retrySafe());
    }
    if (status == 429) {
      return Attempt.fail(technical(Kind.RATE_LIMITED, status, retryAfter, "too many requests"),
          true);
    }
    if (status >= 500) {
      return Attempt.fail(technical(Kind.SERVER_ERROR, status, retryAfter, "server error"),
          status == 503 || call.retrySafe());
    }
    if (status >= 400) {
      throw rejectionDecoder.decode(system, status, body);
    }
    return Attempt.fail(technical(Kind.UNEXPECTED_STATUS, status, null, "unexpected status"),
        false);
  }

  private Attempt ioFailure(HttpCall call, RestClientException e) {
    Throwable cause = rootIo(e);
    if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
      return Attempt.fail(new TechnicalFailure(system, Kind.CONNECTION,
          "cannot connect to " + call.uri().getHost(), e), true);
    }
    if (cause instanceof HttpTimeoutException) {
      return Attempt.fail(new TechnicalFailure(system, Kind.TIMEOUT,
          "no answer within the read timeout from " + call.uri().getPath(), e), call.retrySafe());
    }
    return Attempt.fail(new TechnicalFailure(system, Kind.CONNECTION,
        "I/O error talking to " + call.uri().getHost(), e), call.retrySafe());
  }

  private static Throwable rootIo(Throwable e) {
    Throwable current = e;
    while (current != null) {
      if (current instanceof HttpTimeoutException || current instanceof ConnectException) {
        return current;
      }
      current = current.getCause();
    }
    return e.getCause() instanceof IOException io ? io : e;
  }

  private TechnicalFailure technical(Kind kind, int status, Duration retryAfter, String message) {
    return new TechnicalFailure(system, kind, message + " (HTTP " + status + ")", status,
        retryAfter, null);
  }

  /** {@code Retry-After} as delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
  Optional<Duration> retryAfter(HttpHeaders headers) {
    String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String trimmed = value.trim();
    try {
      long seconds = Long.parseLong(trimmed);
      return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration delay = Duration.between(runtime.clock().instant(), at);
        return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private void pause(Duration delay, TechnicalFailure pending) {
    try {
      runtime.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw pending;
    }
  }

  private record Attempt(HttpResult result, TechnicalFailure failure, boolean retryable) {

    static Attempt success(HttpResult result) {
      return new Attempt(result, null, false);
    }

    static Attempt fail(TechnicalFailure failure, boolean retryable) {
      return new Attempt(null, failure, retryable);
    }
  }
}
