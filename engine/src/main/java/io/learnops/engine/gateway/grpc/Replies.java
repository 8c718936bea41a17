package io.learnops.engine.gateway.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers a gRPC call with the outcome of an engine call. The engine may reject a command by
 * throwing at once (typically while the request is mapped) or by failing the future later; both
 * end as the same gRPC status.
 *
 * <p>Futures complete on an engine thread; the reply is written on the gateway's own executor so
 * that the engine thread goes straight back to its work.
 */
final class Replies {

  private final StatusMapper statuses;
  private final Executor executor;

  Replies(final StatusMapper statuses, final Executor executor) {
    this.statuses = statuses;
    this.executor = executor;
  }

  <R, P> void unary(
      final StreamObserver<P> observer,
      final Supplier<CompletableFuture<R>> engineCall,
      final Function<R, P> toResponse) {
    stream(observer, engineCall, result -> List.of(toResponse.apply(result)));
  }

  /** Sends every response the result maps to (possibly none), then completes the call. */
  <R, P> void stream(
      final StreamObserver<P> observer,
      final Supplier<CompletableFuture<R>> engineCall,
      final Function<R, List<P>> toResponses) {
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
    future.whenCompleteAsync((result, failure) -> reply(call, result, failure, toResponses), executor);
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
