package io.learnops.engine.management;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the management port's answers: JSON bodies, and errors in the shape Spring's actuator uses. */
final class ManagementResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ManagementResponses() {}

  static void json(HttpExchange exchange, int status, Object body) throws IOException {
    respond(exchange, status, "application/json", write(body));
  }

  static void error(HttpExchange exchange, int status, String error, String message) throws IOException {
    final Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("error", error);
    body.put("message", message);
    body.put("path", exchange.getRequestURI().getPath());
    json(exchange, status, body);
  }

  static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static <T> T read(HttpExchange exchange, Class<T> type) throws IOException {
    return JSON.readValue(exchange.getRequestBody(), type);
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
