package io.learnops.engine.processing;

import io.learnops.engine.api.EngineApi.ActivatedJob;
import io.learnops.engine.api.EngineApi.JobSink;
import io.learnops.engine.api.EngineApi.JobStreamHandle;
import io.learnops.engine.api.EngineApi.JobStreamRequest;
import io.learnops.engine.api.EngineApi.ProcessInstanceCreated;
import io.learnops.engine.api.EngineApi.ProcessInstanceResult;
import io.learnops.engine.api.Rejection;
import io.learnops.engine.processing.EngineCommand.ActivateJobs;
import io.learnops.engine.state.EngineState;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How commands, reads and job requests reach the processing thread from any other thread: each
 * becomes a task in the inbox, in order. Answers that wait for more than their command (an
 * instance's result, a user task's listeners, a long poll, a job stream) are parked with the
 * waiters the processing thread serves, and time out here.
 */
final class Submissions {

  private final BlockingQueue<Task> inbox = new LinkedBlockingQueue<>();
  private final BooleanSupplier accepting;
  private final InstanceResults instanceResults;
  private final UserTaskAnswers userTaskAnswers;
  private final JobDelivery jobDelivery;

  Submissions(BooleanSupplier accepting, InstanceResults instanceResults, UserTaskAnswers userTaskAnswers,
      JobDelivery jobDelivery) {
    this.accepting = accepting;
    this.instanceResults = instanceResults;
    this.userTaskAnswers = userTaskAnswers;
    this.jobDelivery = jobDelivery;
  }

  /** What the processing thread takes its work from. */
  BlockingQueue<Task> inbox() {
    return inbox;
  }

  <T> CompletableFuture<T> submit(EngineCommand command) {
    final CompletableFuture<Object> future = new CompletableFuture<>();
    enqueue(new CommandTask(command, future, null));
    @SuppressWarnings("unchecked")
    final CompletableFuture<T> typed = (CompletableFuture<T>) (CompletableFuture<?>) future;
    return typed;
  }

  CompletableFuture<ProcessInstanceResult> submitWithResult(
      EngineCommand.CreateInstance command, List<String> fetchVariables, long timeoutMillis) {
    final CompletableFuture<ProcessInstanceResult> result = new CompletableFuture<>();
    final CompletableFuture<Object> created = new CompletableFuture<>();
    enqueue(new CommandTask(command, created,
        instance -> instanceResults.await((ProcessInstanceCreated) instance, fetchVariables, result)));
    created.whenComplete((r, error) -> {
      if (error != null) {
        result.completeExceptionally(error);
      }
    });
    Timeouts.after(timeoutMillis, () -> {
      if (result.completeExceptionally(new Rejection(Rejection.Type.DEADLINE_EXCEEDED,
          "Expected the process instance to complete within %d ms, but it did not".formatted(timeoutMillis)))) {
        enqueue(new Query(() -> instanceResults.forget(result)));
      }
    });
    return result;
  }

  /**
   * Submits a user task command whose answer waits until the transition it starts took effect
   * (after the task's listeners), or fails after {@code timeoutMillis}.
   */
  CompletableFuture<Void> submitUserTaskCommand(EngineCommand command, long timeoutMillis) {
    final CompletableFuture<Void> answer = new CompletableFuture<>();
    final CompletableFuture<Object> accepted = new CompletableFuture<>();
    enqueue(new CommandTask(command, accepted, userTaskKey -> userTaskAnswers.await((Long) userTaskKey, answer)));
    accepted.whenComplete((r, error) -> {
      if (error != null) {
        answer.completeExceptionally(error);
      }
    });
    Timeouts.after(timeoutMillis, () -> {
      if (answer.completeExceptionally(new Rejection(Rejection.Type.DEADLINE_EXCEEDED,
          "Expected the user task's listeners to finish within %d ms, but they did not; check the workers of its task listeners"
              .formatted(timeoutMillis)))) {
        enqueue(new Query(() -> userTaskAnswers.forget(answer)));
      }
    });
    return answer;
  }

  CompletableFuture<List<ActivatedJob>> submitActivation(ActivateJobs command, List<String> fetchVariables,
      long longPollMillis) {
    final CompletableFuture<List<ActivatedJob>> result = new CompletableFuture<>();
    final JobDelivery.Poll poll = new JobDelivery.Poll(command, fetchVariables, result);
    enqueue(new Query(() -> {
      if (jobDelivery.pollOrPark(poll, longPollMillis > 0)) {
        Timeouts.after(longPollMillis, () -> enqueue(new Query(() -> jobDelivery.expire(poll))));
      }
    }));
    return result;
  }

  JobStreamHandle openStream(JobStreamRequest request, JobSink sink) {
    final JobDelivery.Stream stream = new JobDelivery.Stream(request, sink);
    enqueue(new Query(() -> jobDelivery.open(stream)));
    return new StreamHandle(stream);
  }

  /** Both signals become work on the processing thread, the only one that touches job delivery. */
  private final class StreamHandle implements JobStreamHandle {
    private final JobDelivery.Stream stream;

    StreamHandle(JobDelivery.Stream stream) {
      this.stream = stream;
    }

    @Override
    public void resume() {
      enqueue(new Query(() -> jobDelivery.resume(stream)));
    }

    @Override
    public void close() {
      enqueue(new Query(() -> jobDelivery.close(stream)));
    }
  }

  /** Runs a read on the processing thread, where the state is consistent. */
  <T> CompletableFuture<T> read(Function<EngineState, T> query, Supplier<EngineState> state) {
    final CompletableFuture<T> result = new CompletableFuture<>();
    enqueue(new Query(() -> result.complete(query.apply(state.get()))));
    return result;
  }

  private void enqueue(Task task) {
    if (!accepting.getAsBoolean()) {
      task.reject(new Rejection(Rejection.Type.UNAVAILABLE, "The engine is shutting down"));
      return;
    }
    inbox.add(task);
  }

  // ---- tasks: what the processing thread takes from the inbox -------------------------

  sealed interface Task permits CommandTask, Query {
    void reject(Rejection rejection);
  }

  record CommandTask(EngineCommand command, CompletableFuture<Object> future, Consumer<Object> onResult)
      implements Task {
    @Override
    public void reject(Rejection rejection) {
      future.completeExceptionally(rejection);
    }
  }

  record Query(Runnable action) implements Task {
    @Override
    public void reject(Rejection rejection) {}
  }
}
