package io.learnops.engine.gateway.rest;

import java.util.Map;

/**
 * A request with its body fully read.
 *
 * @param path the raw request path, as the client sent it
 * @param pathParameters values of the route's {@code {name}} segments
 * @param contentType the Content-Type header, or null
 */
record RestRequest(
    String method,
    String path,
    Map<String, String> pathParameters,
    String contentType,
    byte[] body) {

  /** A key from the path, e.g. {@code jobKey} of {@code /jobs/{jobKey}/completion}. */
  long pathKey(String name) {
    return Fields.key(pathParameters.get(name), name);
  }
}
