package io.learnops.engine.management;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The management port, like a Zeebe gateway's: {@code /actuator/health} for probes and
 * {@code /actuator/prometheus} for scraping.
 */
public final class ManagementServer implements AutoCloseable {

  private final int requestedPort;
  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier healthy;
  private HttpServer server;

  public ManagementServer(int port, PrometheusMeterRegistry registry, BooleanSupplier healthy) {
    this.requestedPort = port;
    this.registry = registry;
    this.healthy = healthy;
  }

  public void start() throws IOException {
    server = JdkHttpServers.create(requestedPort);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      final Thread thread = new Thread(r, "learnops-engine-management");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/actuator/health", exchange -> {
      final boolean up = healthy.getAsBoolean();
      respond(exchange, up ? 200 : 503, "application/json", up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    });
    server.createContext("/actuator/prometheus", exchange ->
        respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
    server.createContext("/", exchange -> respond(exchange, 404, "application/json", "{\"status\":404,\"error\":\"Not Found\"}"));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }
}
