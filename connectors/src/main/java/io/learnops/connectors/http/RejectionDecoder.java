package io.learnops.connectors.http;

/**
 * Turns a 4xx answer that means "no" (not 401, 403, 408 or 429) into a {@link BusinessRejection}
 * with the system's own error code when the body carries one.
 */
@FunctionalInterface
public interface RejectionDecoder {

  BusinessRejection decode(String system, int status, byte[] body);

  /** {@code <system>.http_<status>}, without looking at the body. */
  static RejectionDecoder byStatus() {
    return (system, status, body) ->
        new BusinessRejection(system, system + ".http_" + status, null, status);
  }
}
