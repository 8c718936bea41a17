package io.learnops.connectors.http;

import java.util.Optional;

/**
 * The external system understood the request and said "no" (validation, conflict, unknown
 * reference). Retrying the same request will not help; the process decides what to do next.
 *
 * @param code stable, lower-case, dot-separated code a BPMN error boundary event can catch,
 *     e.g. {@code moodle.shortnametaken} or {@code vendor.invalid_quote}
 */
public final class BusinessRejection extends ConnectorException {

  private final String code;
  private final int httpStatus;

  public BusinessRejection(String system, String code, String message, int httpStatus) {
    super(system, code + (message == null || message.isBlank() ? "" : " - " + message), null);
    this.code = code;
    this.httpStatus = httpStatus;
  }

  public String code() {
    return code;
  }

  /** The HTTP status that carried the rejection; empty when it came in a 200 body (Moodle). */
  public Optional<Integer> httpStatus() {
    return httpStatus > 0 ? Optional.of(httpStatus) : Optional.empty();
  }
}
