package io.learnops.engine.gateway.rest;

import io.learnops.engine.EngineConfig;
import com.sun.net.httpserver.HttpServer;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.gateway.AnswerLimits;
import io.learnops.engine.gateway.AnswerTimer;
import io.learnops.engine.management.JdkHttpServers;
import io.learnops.engine.read.ReadModel;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camunda 8.8 REST v2 API ({@code /v2}) over the engine: the protocol the unmodified Camunda
 * Java client speaks by default. Built on the JDK's HTTP server, which keeps connections alive
 * between requests as the client's connection pool expects.
 */
public final class RestGateway implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RestGateway.class);

  private final EngineApi api;
  private final ReadModel read;
  private final String host;
  private final int requestedPort;
  private final AnswerLimits limits;
  private final AnswerTimer answerTimer = new AnswerTimer("learnops-rest-deadlines");
  private HttpServer server;
  private ExecutorService executor;

  /**
   * @param port 0 picks a free port; {@link #port()} tells which
   */
  /** Listens on the loopback address only. */
  public RestGateway(EngineApi api, ReadModel read, int port) {
    this(api, read, EngineConfig.LOOPBACK, port, AnswerLimits.DEFAULT);
  }

  /**
   * @param host the address to listen on
   * @param limits how long a request waits for the engine before it gets a 504
   */
  public RestGateway(EngineApi api, ReadModel read, String host, int port, AnswerLimits limits) {
    this.api = api;
    this.read = read;
    this.host = host;
    this.requestedPort = port;
    this.limits = limits;
  }

  public void start() throws IOException {
    executor = Executors.newFixedThreadPool(threads(), daemonThreads());
    final JsonMapping json = new JsonMapping();
    final List<Route> routes =
        Stream.of(
                new TopologyHandler(api),
                new DeploymentHandler(api),
                new ProcessInstanceHandler(api, json),
                new JobHandler(api, json, this::execute),
                new MessageHandler(api, json),
                new SignalHandler(api, json),
                new DecisionHandler(api, json),
                new ElementInstanceHandler(api, json),
                new IncidentHandler(api, json),
                new ProcessDefinitionReadHandler(read, json),
                new ProcessInstanceReadHandler(read, json),
                new ElementInstanceReadHandler(read, json),
                new VariableReadHandler(read, json),
                new IncidentReadHandler(read, json),
                new JobReadHandler(read, json),
                new MessageSubscriptionReadHandler(read, json),
                new DecisionReadHandler(read, json),
                new UserTaskHandler(api, json),
                new UserTaskReadHandler(read, api, json))
            .flatMap(handler -> handler.routes().stream())
            .toList();
    server = JdkHttpServers.create(host, requestedPort);
    server.createContext("/", new Router(routes, new ResponseWriter(json), this::execute, answerTimer, limits));
    server.setExecutor(executor);
    server.start();
    LOG.info("REST gateway listening on port {}", port());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops at once: parked long polls are dropped, their clients see the connection close. */
  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
    answerTimer.close();
  }

  /**
   * Runs gateway work handed over from engine futures. After close there is nobody to answer, and
   * throwing would surface on the engine's thread, so late work is dropped.
   */
  private void execute(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("REST gateway closed; dropping a late response");
    }
  }

  /** Threads only read requests and write responses; no thread waits for the engine. */
  private static int threads() {
    return Math.max(4, Runtime.getRuntime().availableProcessors());
  }

  private static ThreadFactory daemonThreads() {
    final AtomicInteger count = new AtomicInteger();
    return runnable -> {
      final Thread thread = new Thread(runnable, "rest-gateway-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
