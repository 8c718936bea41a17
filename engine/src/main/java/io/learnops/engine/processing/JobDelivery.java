package io.learnops.engine.processing;

import io.learnops.engine.api.EngineApi.ActivatedJob;
import io.learnops.engine.api.EngineApi.JobSink;
import io.learnops.engine.api.EngineApi.JobStreamRequest;
import io.learnops.engine.processing.EngineCommand.ActivateJobs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * Hands activatable jobs to the workers waiting for them: first to open job streams (gRPC push,
 * one job per stream in turn), then to parked long polls (oldest first). Runs on the processor
 * thread; the answers go out after the commit. A job its client no longer takes is yielded, so
 * it is activatable again at once rather than after its timeout.
 */
final class JobDelivery {

  /** Activates jobs as a journaled command and describes them for the worker. */
  @FunctionalInterface
  interface Activation {
    List<ActivatedJob> activate(ActivateJobs command, List<String> fetchVariables);
  }

  private final Map<String, ArrayDeque<Poll>> pollsByType = new HashMap<>();
  private final Map<String, List<Stream>> streamsByType = new HashMap<>();
  private final Predicate<String> hasActivatableJobs;
  private final Activation activation;
  private final Consumer<Runnable> afterCommit;
  private final LongConsumer yieldJob;

  JobDelivery(Predicate<String> hasActivatableJobs, Activation activation, Consumer<Runnable> afterCommit,
      LongConsumer yieldJob) {
    this.hasActivatableJobs = hasActivatableJobs;
    this.activation = activation;
    this.afterCommit = afterCommit;
    this.yieldJob = yieldJob;
  }

  record Poll(ActivateJobs command, List<String> fetchVariables, CompletableFuture<List<ActivatedJob>> future) {}

  /**
   * One open stream. A class, not a record: two clients may open equal requests, and closing one
   * must remove that one, so streams compare by identity.
   */
  static final class Stream {
    private final JobStreamRequest request;
    private final JobSink sink;
    /** Counts {@link #resume} calls; written on the processing thread only. */
    private volatile long resumes;
    /**
     * The resume count seen before the sink last refused a job (its client went away or cannot
     * take more). The job comes back through a yield and must then go to another worker, not
     * straight back to this stream, until the stream is resumed. A count rather than a flag: a
     * resume that slips in between the refusal and its note still counts.
     */
    private volatile long refusedAt = -1;

    private boolean refusing() {
      return refusedAt == resumes;
    }

    Stream(JobStreamRequest request, JobSink sink) {
      this.request = request;
      this.sink = sink;
    }
  }

  /**
   * Answers the poll at once if jobs are there or it may not wait; parks it otherwise.
   *
   * @return true if the poll was parked
   */
  boolean pollOrPark(Poll poll, boolean mayWait) {
    final List<ActivatedJob> activated = activation.activate(poll.command, poll.fetchVariables);
    if (!activated.isEmpty() || !mayWait) {
      afterCommit.accept(() -> deliver(poll.future, activated));
      return false;
    }
    pollsByType.computeIfAbsent(poll.command.type(), t -> new ArrayDeque<>()).add(poll);
    return true;
  }

  /** The poll's request timeout passed: it gets an empty answer if it is still parked. */
  void expire(Poll poll) {
    final ArrayDeque<Poll> polls = pollsByType.get(poll.command.type());
    if (polls != null && polls.remove(poll)) {
      poll.future.complete(List.of());
    }
  }

  void open(Stream stream) {
    streamsByType.computeIfAbsent(stream.request.type(), t -> new ArrayList<>()).add(stream);
    serve(stream.request.type());
  }

  void close(Stream stream) {
    final List<Stream> streams = streamsByType.get(stream.request.type());
    if (streams != null) {
      streams.remove(stream);
    }
  }

  /** The stream's client can take jobs again after flow control held it back. */
  void resume(Stream stream) {
    stream.resumes++;
    if (streamsByType.getOrDefault(stream.request.type(), List.of()).contains(stream)) {
      serve(stream.request.type());
    }
  }

  void serve(String type) {
    serveStreams(type);
    servePolls(type);
  }

  private void serveStreams(String type) {
    final List<Stream> streams = streamsByType.getOrDefault(type, List.of());
    boolean served = true;
    while (served && !streams.isEmpty() && hasActivatableJobs.test(type)) {
      served = false;
      for (final Stream stream : List.copyOf(streams)) {
        // a stream held back by flow control gets nothing now: the job would only come back
        if (stream.refusing() || !stream.sink.isReady()) {
          continue;
        }
        final JobStreamRequest request = stream.request;
        final List<ActivatedJob> activated = activation.activate(
            new ActivateJobs(type, request.worker(), request.timeoutMillis(), 1, request.tenantIds()),
            request.fetchVariables());
        for (final ActivatedJob job : activated) {
          served = true;
          afterCommit.accept(() -> {
            final long resumesBefore = stream.resumes;
            if (!stream.sink.push(job)) {
              stream.refusedAt = resumesBefore;
              yieldJob.accept(job.key());
            }
          });
        }
      }
    }
  }

  private void servePolls(String type) {
    final ArrayDeque<Poll> polls = pollsByType.get(type);
    while (polls != null && !polls.isEmpty() && hasActivatableJobs.test(type)) {
      final Poll poll = polls.peek();
      if (poll.future.isDone()) {
        polls.poll();
        continue;
      }
      final List<ActivatedJob> activated = activation.activate(poll.command, poll.fetchVariables);
      if (activated.isEmpty()) {
        break;
      }
      polls.poll();
      afterCommit.accept(() -> deliver(poll.future, activated));
    }
  }

  private void deliver(CompletableFuture<List<ActivatedJob>> future, List<ActivatedJob> jobs) {
    if (!future.complete(jobs)) {
      jobs.forEach(job -> yieldJob.accept(job.key()));
    }
  }

  /** Answers every parked poll with no jobs (shutdown). */
  void releaseAll() {
    pollsByType.values().forEach(polls -> polls.forEach(p -> p.future.complete(List.of())));
    pollsByType.clear();
  }
}
