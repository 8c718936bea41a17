package io.learnops.engine.gateway.rest;

import io.camunda.client.protocol.rest.ProblemDetail;
import io.learnops.engine.api.Rejection;
import java.net.URI;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures into RFC 9457 problem responses, the only error shape the client parses into a
 * {@code ProblemException}; anything else reaches users as an opaque "malformed response".
 */
final class Problems {

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  private static final URI ABOUT_BLANK = URI.create("about:blank");

  private Problems() {}

  /**
   * @param instance the raw request path, which identifies the failed request
   */
  static RestResponse of(Throwable failure, String instance) {
    final Throwable cause = unwrap(failure);
    if (cause instanceof Rejection rejection) {
      return problem(
          statusOf(rejection.type()), rejection.type().name(), rejection.getMessage(), instance);
    }
    LOG.error("Request {} failed unexpectedly", instance, cause);
    return problem(500, "INTERNAL_ERROR", "Unexpected error: " + cause, instance);
  }

  static RestResponse notFound(String instance) {
    return problem(404, "NOT_FOUND", "No endpoint at path '%s'".formatted(instance), instance);
  }

  static RestResponse methodNotAllowed(String method, String instance, String allowed) {
    return problem(
        405,
        "METHOD_NOT_ALLOWED",
        "Method %s is not supported for path '%s'; supported: %s"
            .formatted(method, instance, allowed),
        instance);
  }

  static int statusOf(Rejection.Type type) {
    return switch (type) {
      case INVALID_ARGUMENT -> 400;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, INVALID_STATE -> 409;
      case DEADLINE_EXCEEDED -> 504;
      case UNAVAILABLE -> 503;
      case INTERNAL -> 500;
    };
  }

  private static RestResponse problem(int status, String title, String detail, String instance) {
    final ProblemDetail body =
        new ProblemDetail()
            .type(ABOUT_BLANK)
            .title(title)
            .status(status)
            .detail(detail)
            .instance(URI.create(instance));
    return new RestResponse(status, RestResponse.PROBLEM_JSON, body);
  }

  /** Engine futures fail with the rejection itself, but composed stages wrap it. */
  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
