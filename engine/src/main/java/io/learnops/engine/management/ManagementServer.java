package io.learnops.engine.management;

import com.sun.net.httpserver.HttpServer;
import io.learnops.engine.EngineClock;
import io.learnops.engine.processing.ClockChanges;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The management port, like a Zeebe gateway's: {@code /actuator/health} for probes,
 * {@code /actuator/prometheus} for scraping, and the endpoints Camunda Process Test calls on a
 * remote runtime ({@link ClockEndpoint /actuator/clock}, {@link PurgeEndpoint /actuator/cluster/purge}).
 */
public final class ManagementServer implements AutoCloseable {

  private final String host;
  private final int requestedPort;
  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier healthy;
  private final ClockEndpoint clock;
  private final PurgeEndpoint purge;
  /** a test engine: its clock may be moved and its data purged, as Camunda Process Test does */
  private final boolean testMode;
  private HttpServer server;

  /**
   * @param clockControllable whether {@code /actuator/clock} may move {@code clock}
   * @param clockChanges moves {@code clock} as journaled commands
   * @param purge deletes all data; completes with the purge's change id once it is durable
   */
  public ManagementServer(String host, int port, PrometheusMeterRegistry registry, BooleanSupplier healthy,
      EngineClock clock, boolean clockControllable, ClockChanges clockChanges, Supplier<CompletableFuture<Long>> purge) {
    this.host = host;
    this.requestedPort = port;
    this.registry = registry;
    this.healthy = healthy;
    this.clock = new ClockEndpoint(clock, clockControllable, clockChanges);
    this.purge = new PurgeEndpoint(purge);
    this.testMode = clockControllable;
  }

  public void start() throws IOException {
    server = JdkHttpServers.create(host, requestedPort);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      final Thread thread = new Thread(r, "learnops-engine-management");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/actuator/health", exchange -> {
      final boolean up = healthy.getAsBoolean();
      ManagementResponses.respond(exchange, up ? 200 : 503, "application/json",
          up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    });
    server.createContext("/actuator/prometheus", exchange -> ManagementResponses.respond(exchange, 200,
        "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
    server.createContext(ClockEndpoint.PATH, clock);
    if (testMode) {
      server.createContext(PurgeEndpoint.PATH, purge);
    } else {
      // deleting everything is for test engines; on others the endpoint does not exist
      server.createContext(PurgeEndpoint.PATH, exchange -> ManagementResponses.respond(exchange, 404,
          "application/json", "{\"status\":404,\"error\":\"Not Found\",\"message\":\"The purge exists only on a "
              + "test engine: start it with --clock-controlled (learnops.engine.clock-controlled=true)\"}"));
    }
    server.createContext("/", exchange -> ManagementResponses.respond(exchange, 404, "application/json",
        "{\"status\":404,\"error\":\"Not Found\"}"));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }
}
