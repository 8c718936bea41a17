package io.learnops.engine.gateway.grpc;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.learnops.engine.gateway.AnswerTimer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers a gRPC call with the outcome of an engine call. The engine may reject a command by
 * throwing at once (typically while the request is mapped) or by failing the future later; both
 * end as the same gRPC status.
 *
 * <p>Futures complete on an engine thread; the reply is written on the gateway's own executor so
 * that the engine thread goes straight back to its work.
 *
 * <p>Every call ends with an answer or a deadline error: when neither the engine nor the client's
 * own deadline ended it within the gateway's limit for the request, the gateway fails it with
 * DEADLINE_EXCEEDED itself.
 */
final class Replies {

  private final StatusMapper statuses;
  private final Executor executor;
  private final AnswerTimer timer;

  Replies(final StatusMapper statuses, final Executor executor, final AnswerTimer timer) {
    this.statuses = statuses;
    this.executor = executor;
    this.timer = timer;
  }

  /** @param limit how long the gateway waits for the engine's answer */
  <R, P> void unary(
      final StreamObserver<P> observer,
      final Supplier<CompletableFuture<R>> engineCall,
      final Function<R, P> toResponse,
      final Duration limit) {
    stream(observer, engineCall, result -> List.of(toResponse.apply(result)), limit);
  }

  /** Sends every response the result maps to (possibly none), then completes the call. */
  <R, P> void stream(
      final StreamObserver<P> observer,
      final Supplier<CompletableFuture<R>> engineCall,
      final Function<R, List<P>> toResponses,
      final Duration limit) {
    final ServerCallStreamObserver<P> call = (ServerCallStreamObserver<P>) observer;
    final CompletableFuture<R> future;
    try {
      future = engineCall.get();
    } catch (RuntimeException rejected) {
      call.onError(statuses.toStatusException(rejected));
      return;
    }
    // The client may give up (cancel, deadline) before the engine answers. Cancelling the future
    // tells the engine nobody waits any more: its complete() then returns false, which is how a
    // parked job activation learns that its jobs never reached a worker. Having a handler also
    // keeps gRPC from throwing at the engine thread when it answers a cancelled call.
    call.setOnCancelHandler(() -> future.cancel(false));
    timer.bound(future, withinClientDeadline(limit), "a gRPC call");
    future.whenCompleteAsync((result, failure) -> reply(call, result, failure, toResponses), executor);
  }

  /** The client's deadline cancels the call anyway; answering by then tells it why. */
  private static Duration withinClientDeadline(final Duration limit) {
    final Deadline clientDeadline = Context.current().getDeadline();
    if (clientDeadline == null) {
      return limit;
    }
    final Duration remaining = Duration.ofNanos(clientDeadline.timeRemaining(TimeUnit.NANOSECONDS));
    return remaining.compareTo(limit) < 0 ? remaining : limit;
  }

  private <R, P> void reply(
      final ServerCallStreamObserver<P> call,
      final R result,
      final Throwable failure,
      final Function<R, List<P>> toResponses) {
    if (call.isCancelled()) {
      return;
    }
    if (failure != null) {
      call.onError(statuses.toStatusException(failure));
      return;
    }
    final List<P> responses;
    try {
      responses = toResponses.apply(result);
    } catch (RuntimeException unmappable) {
      call.onError(statuses.toStatusException(unmappable));
      return;
    }
    responses.forEach(call::onNext);
    call.onCompleted();
  }
}
