package io.learnops.engine.gateway;

import java.time.Duration;

/**
 * How long a gateway waits for the engine's answer to one request before it answers with a
 * deadline error itself, so that a caller never waits in silence. A request that waits on purpose
 * (a long poll, create-with-result) gets its own wait on top of {@code grace}.
 *
 * @param grace how long an answer may take beyond what the request itself asked to wait
 * @param defaultLongPolling the engine's long poll when a request names none
 * @param defaultResultWait the engine's wait for create-with-result when a request names none
 */
public record AnswerLimits(Duration grace, Duration defaultLongPolling, Duration defaultResultWait) {

  public static final AnswerLimits DEFAULT =
      new AnswerLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(1));

  public AnswerLimits withDefaultLongPolling(Duration longPolling) {
    return new AnswerLimits(grace, longPolling, defaultResultWait);
  }

  /** A command answered once it is durable. */
  public Duration command() {
    return grace;
  }

  /**
   * @param requestTimeoutMillis the long poll asked for: 0 the engine default, negative none
   */
  public Duration activation(long requestTimeoutMillis) {
    if (requestTimeoutMillis < 0) {
      return grace;
    }
    return grace.plus(requestTimeoutMillis == 0 ? defaultLongPolling : Duration.ofMillis(requestTimeoutMillis));
  }

  /**
   * @param requestTimeoutMillis how long the caller waits for the instance to end; 0 or less the
   *     engine default
   */
  public Duration withResult(long requestTimeoutMillis) {
    return grace.plus(requestTimeoutMillis > 0 ? Duration.ofMillis(requestTimeoutMillis) : defaultResultWait);
  }
}
