package io.learnops.sandbox.xapi;

/** An LRS refusal: the HTTP status and a plain message, as LRSs usually answer. */
final class XapiException extends RuntimeException {

  private final int status;

  XapiException(int status, String message) {
    super(message);
    this.status = status;
  }

  static XapiException badRequest(String message) {
    return new XapiException(400, message);
  }

  int status() {
    return status;
  }
}
