package io.learnops.engine.gateway.grpc;

import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.ActivatedJob;
import io.grpc.stub.ServerCallStreamObserver;
import io.learnops.engine.api.EngineApi;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's StreamActivatedJobs call, seen from the engine as a {@link EngineApi.JobSink}. The
 * call lives until the client cancels it (worker closed, connection lost, gateway shut down); then
 * the engine's stream is closed so that it stops activating jobs for a worker that is gone.
 *
 * <p>It honours gRPC flow control: a job is only written while the call is ready. A job refused
 * because the client cannot take more goes back to the engine at once (which offers it to other
 * workers), and the engine hears when the call is ready again, rather than jobs piling up in the
 * transport or waiting out their timeout.
 */
final class JobStream implements EngineApi.JobSink {

  private static final Logger LOG = LoggerFactory.getLogger(JobStream.class);

  private final ServerCallStreamObserver<ActivatedJob> call;
  private final ResponseMapper responses;
  // Guards the call (gRPC observers are not thread-safe) and the fields below.
  private final Object lock = new Object();
  /** set when the engine was told "not ready", so that the next ready signal resumes the stream */
  private final AtomicBoolean resumeWhenReady = new AtomicBoolean();
  private boolean closed;
  private EngineApi.JobStreamHandle engineStream;

  /** Must be created while the service method runs: gRPC only accepts handlers until then. */
  JobStream(final ServerCallStreamObserver<ActivatedJob> call, final ResponseMapper responses) {
    this.call = call;
    this.responses = responses;
    call.setOnCancelHandler(this::close);
    call.setOnReadyHandler(this::onReady);
  }

  /** Binds the engine's stream; closes it at once if the client is already gone. */
  void attach(final EngineApi.JobStreamHandle engineStream) {
    synchronized (lock) {
      if (!closed) {
        this.engineStream = engineStream;
        return;
      }
    }
    closeQuietly(engineStream);
  }

  @Override
  public boolean isReady() {
    if (canWrite()) {
      return true;
    }
    resumeWhenReady.set(true);
    // The call may have become ready between the check and the flag, and its ready signal found no
    // flag: look again, so that the stream is not left waiting for a signal that already came. A
    // flag left set only causes one needless resume.
    return canWrite();
  }

  @Override
  public boolean push(final EngineApi.ActivatedJob job) {
    final ActivatedJob message = responses.activatedJob(job);
    synchronized (lock) {
      // A cancelled call swallows messages silently, and a call that is not ready would only
      // buffer the job in the transport; refusing lets the engine offer the job to another worker
      // right away instead of after the job timeout.
      if (!isReady()) {
        return false;
      }
      try {
        call.onNext(message);
      } catch (RuntimeException closedMeanwhile) {
        LOG.debug("Job stream closed while a job was pushed; the job goes back to the engine", closedMeanwhile);
        return false;
      }
      // cancelled while writing: the message was dropped, the worker never saw the job
      return !call.isCancelled();
    }
  }

  private boolean canWrite() {
    synchronized (lock) {
      return !closed && !call.isCancelled() && call.isReady();
    }
  }

  private void onReady() {
    if (!resumeWhenReady.compareAndSet(true, false)) {
      return;
    }
    final EngineApi.JobStreamHandle toResume;
    synchronized (lock) {
      toResume = closed ? null : engineStream;
    }
    if (toResume != null) {
      toResume.resume();
    }
  }

  private void close() {
    final EngineApi.JobStreamHandle toClose;
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

  private static void closeQuietly(final EngineApi.JobStreamHandle engineStream) {
    try {
      engineStream.close();
    } catch (RuntimeException e) {
      LOG.warn("Failed to close the engine's job stream", e);
    }
  }
}
