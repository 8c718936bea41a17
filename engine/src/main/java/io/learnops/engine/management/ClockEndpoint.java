package io.learnops.engine.management;

import com.fasterxml.jackson.core.JacksonException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.learnops.engine.EngineClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

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
 * Each answers {@code {"epochMilli": n, "instant": "..."}} with the time after the change. When the
 * engine's clock is not controllable every call answers 403, as Zeebe's does.
 */
final class ClockEndpoint implements HttpHandler {

  static final String PATH = "/actuator/clock";

  private final EngineClock clock;
  private final boolean controllable;
  /** wakes the processor so that work the new time made due runs at once */
  private final Runnable timeChanged;

  ClockEndpoint(EngineClock clock, boolean controllable, Runnable timeChanged) {
    this.clock = clock;
    this.controllable = controllable;
    this.timeChanged = timeChanged;
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
    try {
      switch (action) {
        case "GET " + PATH -> { }
        case "POST " + PATH + "/add" -> change(() -> clock.add(Duration.ofMillis(read(exchange, AddRequest.class).offsetMilli())));
        case "POST " + PATH + "/pin" -> change(() -> clock.pin(Instant.ofEpochMilli(read(exchange, PinRequest.class).epochMilli())));
        case "DELETE " + PATH -> change(clock::reset);
        default -> {
          ManagementResponses.error(exchange, 404, "Not Found",
              "Expected GET or DELETE " + PATH + ", or POST " + PATH + "/add or /pin, but got " + action);
          return;
        }
      }
    } catch (BadRequest e) {
      ManagementResponses.error(exchange, 400, "Bad Request", e.getMessage());
      return;
    }
    final long now = clock.millis();
    ManagementResponses.json(exchange, 200, new ClockResponse(now, Instant.ofEpochMilli(now).toString()));
  }

  private void change(Runnable change) {
    change.run();
    timeChanged.run();
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
