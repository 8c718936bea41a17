package io.learnops.engine.gateway.rest;

import io.learnops.engine.gateway.AnswerLimits;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What an endpoint answers: the engine's pending result, how to render it and how long the caller
 * may wait for it. Rendering is kept apart from the future so that the router can run it on a
 * gateway thread; engine futures complete on the engine's threads, which must not do gateway work.
 */
record Reply<T>(CompletableFuture<T> result, Function<? super T, RestResponse> render,
    Function<AnswerLimits, Duration> limit) {

  /** 200 with the DTO that {@code toDto} makes of the result. */
  static <T> Reply<T> json(CompletableFuture<T> result, Function<? super T, ?> toDto) {
    return new Reply<>(result, value -> RestResponse.ok(toDto.apply(value)), AnswerLimits::command);
  }

  /** 204 once the command is applied; its result, if any, has no REST representation. */
  static <T> Reply<T> noContent(CompletableFuture<T> result) {
    return new Reply<>(result, ignored -> RestResponse.noContent(), AnswerLimits::command);
  }

  /** An answer that needs no engine call. */
  static Reply<RestResponse> now(RestResponse response) {
    return new Reply<>(CompletableFuture.completedFuture(response), Function.identity(), AnswerLimits::command);
  }

  /** The same reply for a request that waits on purpose (a long poll, create-with-result). */
  Reply<T> within(Function<AnswerLimits, Duration> requestLimit) {
    return new Reply<>(result, render, requestLimit);
  }
}
