package io.learnops.connectors.http;

import java.time.Duration;
import java.util.Optional;

/**
 * The call did not get a usable answer: the system was down or slow, rate-limited us beyond the
 * retry budget, answered with something we cannot read, or refused our credentials. Retrying the
 * job later (or fixing the configuration) may help; the process model should not branch on it.
 */
public final class TechnicalFailure extends ConnectorException {

  /** Why the call failed, for metrics and incident messages. */
  public enum Kind {
    TIMEOUT,
    CONNECTION,
    SERVER_ERROR,
    RATE_LIMITED,
    MALFORMED_RESPONSE,
    MISCONFIGURED,
    UNEXPECTED_STATUS,
    /** More results than the caller allowed: narrow the query rather than retry. */
    RESULT_TOO_LARGE
  }

  private final Kind kind;
  private final int httpStatus;
  private final Duration retryAfter;

  public TechnicalFailure(String system, Kind kind, String message, int httpStatus,
      Duration retryAfter, Throwable cause) {
    super(system, kind + (message == null || message.isBlank() ? "" : ": " + message), cause);
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  public TechnicalFailure(String system, Kind kind, String message, Throwable cause) {
    this(system, kind, message, 0, null, cause);
  }

  public Kind kind() {
    return kind;
  }

  public Optional<Integer> httpStatus() {
    return httpStatus > 0 ? Optional.of(httpStatus) : Optional.empty();
  }

  /** The server's last {@code Retry-After}, a hint for the job's retry back-off. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
