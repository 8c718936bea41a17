package io.learnops.engine.api;

/**
 * A command the engine refused. Nothing of a rejected command is applied. The message names the
 * offending key, element or resource so that a client can act on it.
 */
public final class Rejection extends RuntimeException {

  /** Why a command was refused; each gateway maps these to its own status codes. */
  public enum Type {
    /** malformed input: bad BPMN, variables that are not a JSON object, a missing field */
    INVALID_ARGUMENT,
    /** no process, instance, job or incident with that id or key */
    NOT_FOUND,
    /** a message with the same id is still buffered */
    ALREADY_EXISTS,
    /** the target exists but is in a state that forbids the command */
    INVALID_STATE,
    /** the request's own time ran out (create-with-result) */
    DEADLINE_EXCEEDED,
    /** the engine is shutting down or overloaded; retry later */
    UNAVAILABLE,
    /** processing the command failed unexpectedly (a bug): nothing it did was kept */
    INTERNAL
  }

  private final Type type;

  public Rejection(Type type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  public Type type() {
    return type;
  }

  public static Rejection invalidArgument(String message) {
    return new Rejection(Type.INVALID_ARGUMENT, message);
  }

  public static Rejection notFound(String message) {
    return new Rejection(Type.NOT_FOUND, message);
  }

  public static Rejection alreadyExists(String message) {
    return new Rejection(Type.ALREADY_EXISTS, message);
  }

  public static Rejection invalidState(String message) {
    return new Rejection(Type.INVALID_STATE, message);
  }
}
