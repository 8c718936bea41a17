package io.learnops.engine.gateway.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.learnops.engine.gateway.AnswerLimits;
import io.learnops.engine.gateway.AnswerTimer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches every request to the endpoint of its method and path and answers it once the
 * endpoint's reply completes.
 *
 * <p>The handler thread returns as soon as the engine call is made: a long poll or an
 * await-completion request only parks its exchange, not a thread. The answer is rendered and
 * written on {@code responseExecutor}, because engine futures complete on the engine's processing
 * thread.
 *
 * <p>Every request gets an answer within its limit (see {@link AnswerLimits}); an engine result
 * that does not come in time becomes a 504 problem.
 */
final class Router implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  private final List<Route> routes;
  private final ResponseWriter writer;
  private final Executor responseExecutor;
  private final AnswerTimer timer;
  private final AnswerLimits limits;

  Router(List<Route> routes, ResponseWriter writer, Executor responseExecutor, AnswerTimer timer,
      AnswerLimits limits) {
    this.routes = List.copyOf(routes);
    this.writer = writer;
    this.responseExecutor = responseExecutor;
    this.timer = timer;
    this.limits = limits;
  }

  @Override
  public void handle(HttpExchange exchange) {
    final String path = exchange.getRequestURI().getRawPath();
    final byte[] body;
    try {
      // read the whole body even for requests we refuse: a connection is only reusable after it
      body = exchange.getRequestBody().readAllBytes();
    } catch (IOException e) {
      LOG.debug("Could not read request to {}", path, e);
      exchange.close();
      return;
    }
    try {
      answerWhenDone(exchange, path, dispatch(exchange, path, body));
    } catch (RuntimeException e) {
      writer.write(exchange, Problems.of(e, path));
    }
  }

  private Reply<?> dispatch(HttpExchange exchange, String path, byte[] body) {
    final String method = exchange.getRequestMethod();
    final List<String> segments = Route.split(path);
    final List<Route> onPath =
        routes.stream().filter(route -> route.match(segments).isPresent()).toList();
    if (onPath.isEmpty()) {
      return Reply.now(Problems.notFound(path));
    }
    final Optional<Route> route =
        onPath.stream().filter(candidate -> candidate.method().equals(method)).findFirst();
    if (route.isEmpty()) {
      final String allowed =
          onPath.stream().map(Route::method).distinct().collect(Collectors.joining(", "));
      exchange.getResponseHeaders().set("Allow", allowed);
      return Reply.now(Problems.methodNotAllowed(method, path, allowed));
    }
    final Map<String, String> parameters = route.get().match(segments).orElseThrow();
    final String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    return route
        .get()
        .endpoint()
        .handle(new RestRequest(method, path, parameters, contentType, body));
  }

  /** Answers with the engine's result or, if it does not come in time, with 504: never silence. */
  private <T> void answerWhenDone(HttpExchange exchange, String path, Reply<T> reply) {
    timer.bound(reply.result(), reply.limit().apply(limits), exchange.getRequestMethod() + " " + path);
    reply
        .result()
        .whenCompleteAsync(
            (value, failure) ->
                writer.write(
                    exchange,
                    failure == null ? render(reply, value, path) : Problems.of(failure, path)),
            responseExecutor);
  }

  private static <T> RestResponse render(Reply<T> reply, T value, String path) {
    try {
      return reply.render().apply(value);
    } catch (RuntimeException e) {
      return Problems.of(e, path);
    }
  }
}
