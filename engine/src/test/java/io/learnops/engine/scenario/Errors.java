package io.learnops.engine.scenario;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;

/** Reads the status a client exception carries, whichever transport produced it. */
final class Errors {

  enum Status {
    INVALID_ARGUMENT,
    NOT_FOUND,
    ALREADY_EXISTS,
    FAILED_PRECONDITION,
    INTERNAL,
    OTHER
  }

  private Errors() {}

  static Status statusOf(Throwable thrown) {
    Throwable cause = thrown;
    while (cause != null) {
      if (cause instanceof ProblemException problem) {
        return switch (problem.code()) {
          case 400 -> Status.INVALID_ARGUMENT;
          case 404 -> Status.NOT_FOUND;
          case 409 -> Status.ALREADY_EXISTS;
          case 500 -> Status.INTERNAL;
          default -> Status.OTHER;
        };
      }
      if (cause instanceof ClientStatusException status) {
        return switch (status.getStatusCode()) {
          case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
          case NOT_FOUND -> Status.NOT_FOUND;
          case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
          case FAILED_PRECONDITION -> Status.FAILED_PRECONDITION;
          case INTERNAL -> Status.INTERNAL;
          default -> Status.OTHER;
        };
      }
      cause = cause.getCause();
    }
    return Status.OTHER;
  }
}
