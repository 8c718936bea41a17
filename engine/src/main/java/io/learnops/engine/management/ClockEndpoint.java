package io.learnops.engine.management;

import com.fasterxml.jackson.core.JacksonException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.learnops.engine.EngineClock;
import io.learnops.engine.processing.ClockChanges;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@code /actuator/clock}, the clock API of a Zeebe broker started with
 * {@code ZEEBE_CLOCK_CONTROLLED=true}, which Camunda Process Test calls to move time:
 *
 * <ul>
 *   <li>{@code GET /actuator/clock}: the engine's time
 *   <li>{@code POST /actuator/clock/add {"offsetMilli": n}}: moves time by n ms (CPT's {@code
 *       increaseTime}; {@code setTime} is a GET and an add)
 *   <li>{@code POST /actuator/clock/pin {"epochMilli": n}}: stops time at n
 *   <li>{@code DELETE /actuator/clock}: back to the start (CPT calls it after each test)
 * </ul>
 *
 * Each answers {@code {"epochMilli": n, "instant": "..."}} with the time after the change, once the
 * change is journaled: a restart, even after a crash, keeps the moved time. When the engine's clock
 * is not controllable every call answers 403, as Zeebe's does.
 */
final class ClockEndpoint implements HttpHandler {

  static final String PATH = "/actuator/clock";
  private static final long TIMEOUT_SECONDS = 30;

  private final EngineClock clock;
  private final boolean controllable;
  private final ClockChanges changes;

  ClockEndpoint(EngineClock clock, boolean controllable, ClockChanges changes) {
    this.clock = clock;
    this.controllable = controllable;
    this.changes = changes;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!controllable) {
      ManagementResponses.error(exchange, 403, "Forbidden",
          "The engine's clock is not controllable. Start the engine with --clock-controlled "
              + "(EngineConfig.withClockControlled(true)) to move its time; never do so in production.");
      return;
    }
    final String action = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    final Supplier<CompletableFuture<Instant>> change;
    try {
      change = switch (action) {
        case "GET " + PATH -> () -> CompletableFuture.completedFuture(clock.now());
        case "POST " + PATH + "/add" -> {
          final Duration offset = Duration.ofMillis(read(exchange, AddRequest.class).offsetMilli());
          yield () -> changes.add(offset);
        }
        case "POST " + PATH + "/pin" -> {
          final Instant instant = Instant.ofEpochMilli(read(exchange, PinRequest.class).epochMilli());
          yield () -> changes.pin(instant);
        }
        case "DELETE " + PATH -> changes::reset;
        default -> null;
      };
    } catch (BadRequest e) {
      ManagementResponses.error(exchange, 400, "Bad Request", e.getMessage());
      return;
    }
    if (change == null) {
      ManagementResponses.error(exchange, 404, "Not Found",
          "Expected GET or DELETE " + PATH + ", or POST " + PATH + "/add or /pin, but got " + action);
      return;
    }
    answer(exchange, change);
  }

  private static void answer(HttpExchange exchange, Supplier<CompletableFuture<Instant>> change) throws IOException {
    try {
      final Instant now = change.get().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      ManagementResponses.json(exchange, 200, new ClockResponse(now.toEpochMilli(), now.toString()));
    } catch (ExecutionException e) {
      ManagementResponses.error(exchange, 503, "Service Unavailable",
          "The clock was not changed: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      ManagementResponses.error(exchange, 504, "Gateway Timeout",
          "The clock change was not durable within " + TIMEOUT_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ManagementResponses.error(exchange, 503, "Service Unavailable", "The engine is shutting down");
    }
  }

  private static <T> T read(HttpExchange exchange, Class<T> type) {
    try {
      return ManagementResponses.read(exchange, type);
    } catch (JacksonException e) {
      throw new BadRequest("Expected a JSON body like " + (type == AddRequest.class
          ? "{\"offsetMilli\": 60000}" : "{\"epochMilli\": 1767600000000}") + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadRequest("The request body could not be read: " + e.getMessage());
    }
  }

  record AddRequest(long offsetMilli) {}

  record PinRequest(long epochMilli) {}

  record ClockResponse(long epochMilli, String instant) {}

  private static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }
}
