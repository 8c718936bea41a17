package io.learnops.engine.management;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@code POST /actuator/cluster/purge}: deletes all data, as Camunda Process Test does after each
 * test. Zeebe plans the purge as a cluster change and answers its id at once; the caller then
 * polls {@code /v2/topology} until {@code lastCompletedChangeId} reaches it. Here the purge is one
 * journaled command, so it is complete when this answers, and the id is already the last completed.
 */
final class PurgeEndpoint implements HttpHandler {

  static final String PATH = "/actuator/cluster/purge";
  private static final long TIMEOUT_SECONDS = 30;

  /** runs the purge; completes with its change id once the purge is durable */
  private final Supplier<CompletableFuture<Long>> purge;

  PurgeEndpoint(Supplier<CompletableFuture<Long>> purge) {
    this.purge = purge;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
      ManagementResponses.error(exchange, 405, "Method Not Allowed", "Expected POST " + PATH);
      return;
    }
    try {
      final long changeId = purge.get().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      ManagementResponses.json(exchange, 202, new PlannedChange(changeId, List.of(), List.of()));
    } catch (ExecutionException e) {
      ManagementResponses.error(exchange, 503, "Service Unavailable", "The purge failed: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      ManagementResponses.error(exchange, 504, "Gateway Timeout", "The purge did not finish within " + TIMEOUT_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ManagementResponses.error(exchange, 503, "Service Unavailable", "The engine is shutting down");
    }
  }

  /** Zeebe's answer to a planned cluster change; the purge is done, so nothing is left planned. */
  record PlannedChange(long changeId, List<Object> currentTopology, List<Object> plannedChanges) {}
}
