package io.learnops.sandbox.moodle;

/**
 * An error as Moodle's web-service layer reports it: HTTP 200 with {@code exception},
 * {@code errorcode} and {@code message}. The factory methods use the codes real Moodle uses for
 * the same situation, so connector code that handles them is exercised here.
 */
final class MoodleException extends RuntimeException {

  private final String exception;
  private final String errorCode;

  MoodleException(String exception, String errorCode, String message) {
    super(message);
    this.exception = exception;
    this.errorCode = errorCode;
  }

  static MoodleException invalidToken() {
    return new MoodleException("moodle_exception", "invalidtoken",
        "Invalid token - token not found");
  }

  static MoodleException accessException(String function) {
    return new MoodleException("webservice_access_exception", "accessexception",
        "Access control exception (" + function + " is not in the service)");
  }

  static MoodleException invalidParameter(String detail) {
    return new MoodleException("invalid_parameter_exception", "invalidparameter",
        "Invalid parameter value detected (" + detail + ")");
  }

  static MoodleException business(String errorCode, String message) {
    return new MoodleException("moodle_exception", errorCode, message);
  }

  String exception() {
    return exception;
  }

  String errorCode() {
    return errorCode;
  }
}
