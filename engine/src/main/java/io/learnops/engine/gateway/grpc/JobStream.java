package io.learnops.engine.gateway.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.grpc.stub.ServerCallStreamObserver;
import io.learnops.engine.api.EngineApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's StreamActivatedJobs call, seen from the engine as a {@link EngineApi.JobSink}. The
 * call lives until the client cancels it (worker closed, connection lost, gateway shut down); then
 * the engine's stream is closed so that it stops activating jobs for a worker that is gone.
 */
final class JobStream implements EngineApi.JobSink {

  private static final Logger LOG = LoggerFactory.getLogger(JobStream.class);

  private final ServerCallStreamObserver<ActivatedJob> call;
  private final ResponseMapper responses;
  // Guards the call (gRPC observers are not thread-safe) and the fields below.
  private final Object lock = new Object();
  private boolean closed;
  private AutoCloseable engineStream;

  /** Must be created while the service method runs: gRPC only accepts handlers until then. */
  JobStream(final ServerCallStreamObserver<ActivatedJob> call, final ResponseMapper responses) {
    this.call = call;
    this.responses = responses;
    call.setOnCancelHandler(this::close);
  }

  /** Binds the engine's stream; closes it at once if the client is already gone. */
  void attach(final AutoCloseable engineStream) {
    synchronized (lock) {
      if (!closed) {
        this.engineStream = engineStream;
        return;
      }
    }
    closeQuietly(engineStream);
  }

  @Override
  public boolean push(final EngineApi.ActivatedJob job) {
    final ActivatedJob message = responses.activatedJob(job);
    synchronized (lock) {
      // A cancelled call swallows messages silently; refusing lets the engine offer the job to
      // another worker right away instead of after the job timeout.
      if (closed || call.isCancelled()) {
        return false;
      }
      call.onNext(message);
      return true;
    }
  }

  private void close() {
    final AutoCloseable toClose;
    synchronized (lock) {
      closed = true;
      toClose = engineStream;
      engineStream = null;
    }
    // Outside the lock: closing may wait for the engine thread, which may be pushing right now.
    if (toClose != null) {
      closeQuietly(toClose);
    }
  }

  private static void closeQuietly(final AutoCloseable engineStream) {
    try {
      engineStream.close();
    } catch (Exception e) {
      LOG.warn("Failed to close the engine's job stream", e);
    }
  }
}
