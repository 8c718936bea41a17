package io.learnops.connectors.http;

/**
 * Turns a 4xx answer other than 401, 403, 408 and 429 into a {@link BusinessRejection} with the
 * system's own error code when the body carries one. A client may instead return a
 * {@link TechnicalFailure} for a 4xx that signals a broken setup (e.g. 404 on a fixed endpoint).
 */
@FunctionalInterface
public interface RejectionDecoder {

  ConnectorException decode(String system, int status, byte[] body);

  /** {@code <system>.http_<status>}, without looking at the body. */
  static RejectionDecoder byStatus() {
    return (system, status, body) ->
        new BusinessRejection(system, system + ".http_" + status, null, status);
  }
}
