package io.learnops.engine.gateway.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.learnops.engine.api.Rejection;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what went wrong with a call into the gRPC status the Camunda client understands. The
 * client surfaces the status code and description as they are, so the description is the
 * rejection's own message: it names the key or element the user has to look at.
 */
final class StatusMapper {

  private static final Logger LOG = LoggerFactory.getLogger(StatusMapper.class);

  StatusRuntimeException toStatusException(final Throwable failure) {
    final Throwable cause = unwrap(failure);
    if (cause instanceof StatusRuntimeException status) {
      return status;
    }
    if (cause instanceof Rejection rejection) {
      return statusOf(rejection.type())
          .withDescription(rejection.getMessage())
          .asRuntimeException();
    }
    // Not a rejection: a bug in the engine or the gateway, so it deserves a log line here; the
    // client only gets the message.
    LOG.warn("Unexpected failure while handling a gRPC call", cause);
    return Status.INTERNAL
        .withDescription(
            cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage())
        .withCause(cause)
        .asRuntimeException();
  }

  private static Throwable unwrap(final Throwable failure) {
    // Dependent futures wrap the original failure; the engine's own futures do not.
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static Status statusOf(final Rejection.Type type) {
    return switch (type) {
      case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
      case NOT_FOUND -> Status.NOT_FOUND;
      case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
      case INVALID_STATE -> Status.FAILED_PRECONDITION;
      case DEADLINE_EXCEEDED -> Status.DEADLINE_EXCEEDED;
      case UNAVAILABLE -> Status.UNAVAILABLE;
      case INTERNAL -> Status.INTERNAL;
    };
  }
}
