package io.learnops.engine.gateway.rest;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a response and closes the exchange, which frees the connection for the next request. */
final class ResponseWriter {

  private static final Logger LOG = LoggerFactory.getLogger(ResponseWriter.class);

  private final JsonMapping json;

  ResponseWriter(JsonMapping json) {
    this.json = json;
  }

  void write(HttpExchange exchange, RestResponse response) {
    RestResponse toSend = response;
    byte[] bytes;
    try {
      bytes = body(toSend);
    } catch (RuntimeException e) {
      toSend = Problems.of(e, exchange.getRequestURI().getRawPath());
      bytes = body(toSend);
    }
    try (exchange) {
      if (bytes == null) {
        // -1: no body at all; 0 would announce a chunked body, which a 204 must not have
        exchange.sendResponseHeaders(toSend.status(), -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", toSend.contentType());
      exchange.sendResponseHeaders(toSend.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // the client gave up (e.g. closed the connection during a long poll): nobody to tell
      LOG.debug("Could not send response to {}", exchange.getRemoteAddress(), e);
    }
  }

  private byte[] body(RestResponse response) {
    if (response.body() instanceof byte[] raw) {
      return raw;
    }
    return response.body() == null ? null : json.write(response.body());
  }
}
