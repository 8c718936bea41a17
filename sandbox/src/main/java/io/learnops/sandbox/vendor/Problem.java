package io.learnops.sandbox.vendor;

/**
 * An RFC 9457 problem: status, a stable {@code code} (also the last segment of {@code type}) and
 * a human-readable detail.
 */
final class Problem extends RuntimeException {

  static final String TYPE_BASE = "https://vendor.sandbox.learnops.example/problems/";

  private final int status;
  private final String code;
  private final String title;

  Problem(int status, String code, String title, String detail) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
  }

  static Problem invalid(String detail) {
    return new Problem(400, "invalid_request", "The request is not valid", detail);
  }

  static Problem unprocessable(String code, String title, String detail) {
    return new Problem(422, code, title, detail);
  }

  static Problem notFound(String what) {
    return new Problem(404, "not_found", "Not found", what + " does not exist");
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  String title() {
    return title;
  }
}
