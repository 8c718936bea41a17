package io.learnops.sandbox.scim;

import java.util.Optional;

/** A SCIM error (RFC 7644 §3.12): an HTTP status and, for 400s, a {@code scimType}. */
final class ScimException extends RuntimeException {

  private final int status;
  private final String scimType;

  ScimException(int status, String scimType, String detail) {
    super(detail);
    this.status = status;
    this.scimType = scimType;
  }

  static ScimException invalidFilter(String detail) {
    return new ScimException(400, "invalidFilter", detail);
  }

  int status() {
    return status;
  }

  Optional<String> scimType() {
    return Optional.ofNullable(scimType);
  }
}
