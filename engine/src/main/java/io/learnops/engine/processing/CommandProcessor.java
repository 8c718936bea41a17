package io.learnops.engine.processing;

import io.learnops.engine.EngineClock;
import io.learnops.engine.api.EngineApi.ActivatedJob;
import io.learnops.engine.api.EngineApi.JobSink;
import io.learnops.engine.api.EngineApi.JobStreamHandle;
import io.learnops.engine.api.EngineApi.JobStreamRequest;
import io.learnops.engine.api.EngineApi.ProcessInstanceCreated;
import io.learnops.engine.api.EngineApi.ProcessInstanceResult;
import io.learnops.engine.api.Rejection;
import io.learnops.engine.bpmn.BpmnExecutor;
import io.learnops.engine.bpmn.Effects;
import io.learnops.engine.bpmn.ProcessCache;
import io.learnops.engine.bpmn.RecordWriter;
import io.learnops.engine.decision.Decisions;
import io.learnops.engine.exporter.ExporterDirector;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.model.BpmnTransformer;
import io.learnops.engine.processing.EngineCommand.ActivateJobs;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.EventAppliers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.camunda.dmn.DmnEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer. A single thread takes commands from the inbox in order, applies them to the
 * in-memory state, appends them to the durable log and, once the whole batch is fsynced, answers
 * the callers (group commit). Nothing else touches the state, so there are no locks on the hot
 * path. Work the engine owes itself (timers due, job deadlines passed, back-offs over, messages
 * expired) becomes commands on the same path, so replay reproduces it.
 */
public final class CommandProcessor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);
  private static final int MAX_BATCH = 2_000;
  private static final long MAX_IDLE_WAIT_MILLIS = 50;

  private final DurableLog log;
  private final EngineClock clock;
  private final CommandCodec codec = new CommandCodec();
  private final SnapshotCodec snapshotCodec = new SnapshotCodec();
  private final BlockingQueue<Task> inbox = new LinkedBlockingQueue<>();
  private final List<Runnable> afterCommit = new ArrayList<>();
  private final List<byte[]> batchEntries = new ArrayList<>();
  /** the callers answered in {@link #afterCommit}, to be told if the batch never becomes durable */
  private final List<CompletableFuture<?>> batchCallers = new ArrayList<>();
  private final JournalWriter writer;
  private final ExporterDirector exporters;
  private final AtomicLong snapshotFailures = new AtomicLong();
  private final List<Runnable> purgeListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<EngineState>> recoveryListeners = new CopyOnWriteArrayList<>();
  /** where exports and purge notices go: after the commit while live, at once during replay */
  private Consumer<Runnable> exportStage = afterCommit::add;
  private final InstanceResults instanceResults = new InstanceResults();
  private final UserTaskAnswers userTaskAnswers = new UserTaskAnswers();
  private final JobDelivery jobDelivery =
      new JobDelivery(type -> this.state.hasActivatableJobs(type), this::activateNow, afterCommit::add, this::yieldJob);
  private final int snapshotEvery;
  private final ExpressionLanguage feel = new ExpressionLanguage();
  private final BpmnTransformer transformer = new BpmnTransformer(feel);
  private final ProcessCache processes = new ProcessCache(transformer);
  private final DmnEngine dmn = new DmnEngine.Builder().clock(feel.clock()).build();
  private final Effects effects = new Effects();
  private final Thread thread;
  private volatile boolean running = true;
  /** counted after each batch, so that metrics read sizes without touching the state */
  private volatile StateSize stateSize = StateSize.EMPTY;
  /** set when the journal cannot be written: nothing more may be accepted */
  private volatile boolean halted;
  private EngineState state;
  private BpmnExecutor executor;
  private JobProcessor jobs;
  private ClockProcessor clocks;
  private CommandHandlers handlers;
  private long entriesSinceSnapshot;
  /** position of the last journaled entry, counted here because the writer appends later */
  private long position;

  public CommandProcessor(DurableLog log, EngineClock clock, int snapshotEvery, ExporterDirector exporters) {
    this.log = log;
    this.clock = clock;
    this.snapshotEvery = snapshotEvery;
    this.exporters = exporters;
    this.thread = new Thread(this::run, "learnops-engine-processor");
    this.writer = new JournalWriter(log, this::halt);
  }

  /** Loads the latest snapshot, replays the journal after it, then starts processing. */
  public void start() throws IOException {
    final long startedAt = System.nanoTime();
    final var snapshot = log.latestSnapshot();
    if (snapshot.isPresent() && snapshot.get().position() > log.lastPosition()) {
      throw new IllegalStateException(("The journal ends at position %d, before the snapshot at position %d: journal files "
          + "are missing from the data directory. Restore them, or start on an empty directory.")
          .formatted(log.lastPosition(), snapshot.get().position()));
    }
    useState(snapshot.map(s -> snapshotCodec.decodeState(s.position(), s.state())).orElseGet(EngineState::new));
    clocks.restore(); // before replay: journaled clock changes build on the snapshot's setting
    recoveryListeners.forEach(listener -> listener.accept(state));
    exporters.open(state.recordPosition);
    exportStage = Runnable::run;
    final long[] replayed = {0};
    log.replay(snapshot.map(DurableLog.StoredSnapshot::position).orElse(0L), (position, bytes) -> {
      final JournalEntry entry = codec.decode(bytes);
      executor.setTime(entry.timestamp());
      try {
        handlers.handle(entry.command());
      } catch (Rejection | IllegalStateException e) {
        LOG.debug("replayed command {} was refused as it was the first time: {}", position, e.getMessage());
      }
      exporters.export(positioned(entry.timestamp()));
      effects.clear();
      replayed[0]++;
    });
    exportStage = afterCommit::add;
    entriesSinceSnapshot = replayed[0];
    position = log.lastPosition();
    if (replayed[0] > 0 || snapshot.isPresent()) {
      LOG.info("Recovered state: snapshot at position {}, {} journal entries replayed in {} ms",
          snapshot.map(DurableLog.StoredSnapshot::position).orElse(0L), replayed[0],
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
    }
    writer.start();
    thread.start();
  }

  private void useState(EngineState newState) {
    state = newState;
    processes.clear();
    final Decisions decisions = new Decisions(state, dmn);
    executor = new BpmnExecutor(state, feel, processes, decisions, effects,
        new RecordWriter(new EventAppliers(state), effects));
    final DeploymentProcessor deployments = new DeploymentProcessor(state, transformer, processes, executor, decisions);
    jobs = new JobProcessor(state, executor, effects);
    final InstanceProcessor instances = new InstanceProcessor(state, processes, executor, jobs);
    final EventProcessor events = new EventProcessor(state, processes, executor);
    final UserTaskProcessor userTasks = new UserTaskProcessor(state, executor.userTasks());
    final DecisionProcessor standaloneDecisions = new DecisionProcessor(state, decisions, executor);
    clocks = new ClockProcessor(state, clock);
    handlers = new CommandHandlers()
        .on(EngineCommand.Deploy.class, deployments::deploy)
        .on(EngineCommand.CreateInstance.class, instances::create)
        .onVoid(EngineCommand.CancelInstance.class, c -> instances.cancel(c.processInstanceKey()))
        .on(EngineCommand.SetVariables.class, instances::setVariables)
        .onVoid(EngineCommand.ResolveIncident.class, c -> instances.resolveIncident(c.incidentKey()))
        .on(EngineCommand.ActivateJobs.class, jobs::activate)
        .onVoid(EngineCommand.CompleteJob.class, c -> jobs.complete(c.jobKey(), c.variables(), c.result()))
        .onVoid(EngineCommand.FailJob.class, jobs::fail)
        .onVoid(EngineCommand.ThrowError.class, jobs::throwError)
        .onVoid(EngineCommand.UpdateJobRetries.class, c -> jobs.updateRetries(c.jobKey(), c.retries()))
        .onVoid(EngineCommand.UpdateJobTimeout.class, c -> jobs.updateTimeout(c.jobKey(), c.timeoutMillis()))
        .onVoid(EngineCommand.YieldJob.class, c -> jobs.yield(c.jobKey()))
        .onVoid(EngineCommand.TimeOutJobs.class, c -> jobs.timeOut(c.jobKeys()))
        .onVoid(EngineCommand.RecurJobs.class, c -> jobs.recur(c.jobKeys()))
        .on(EngineCommand.PublishMessage.class, events::publish)
        .on(EngineCommand.CorrelateMessage.class, events::correlate)
        .onVoid(EngineCommand.ExpireMessages.class, c -> events.expire(c.messageKeys()))
        .on(EngineCommand.BroadcastSignal.class, events::broadcast)
        .onVoid(EngineCommand.TriggerTimers.class, c -> events.triggerTimers(c.timerKeys()))
        .on(EngineCommand.EvaluateDecision.class, standaloneDecisions::evaluate)
        .on(EngineCommand.AssignUserTask.class, userTasks::assign)
        .on(EngineCommand.UpdateUserTask.class, userTasks::update)
        .on(EngineCommand.CompleteUserTask.class, userTasks::complete)
        .on(EngineCommand.ChangeClock.class, clocks::change)
        .onVoid(EngineCommand.Purge.class, c -> purge())
        .complete();
  }

  /**
   * Runs whenever a purge is applied, live or replayed, between the exports of the commands before
   * it and after it (on the thread that exports): the read model clears itself here.
   */
  public void addPurgeListener(Runnable listener) {
    purgeListeners.add(listener);
  }

  /**
   * Told the recovered state (from the latest snapshot, or empty) before the journal after it is
   * replayed, on the processing thread: what keeps data in memory seeds itself here. Register
   * before {@link #start()}.
   */
  public void addRecoveryListener(Consumer<EngineState> listener) {
    recoveryListeners.add(listener);
  }

  /** False once processing stopped, e.g. because the journal could not be written. */
  public boolean isRunning() {
    return running && thread.isAlive() && writer.isHealthy();
  }

  public int queueDepth() {
    return inbox.size();
  }

  /** How much the in-memory state holds, as of the last processed batch. */
  public StateSize stateSize() {
    return stateSize;
  }

  /** Entries per kind of state; what snapshot size and replay time grow with. */
  public record StateSize(int elementInstances, int jobs, int userTasks, int incidents, int messages,
      int subscriptions, int timers, int variableScopes) {
    static final StateSize EMPTY = new StateSize(0, 0, 0, 0, 0, 0, 0, 0);

    static StateSize of(EngineState state) {
      return new StateSize(state.elementInstances.size(), state.jobs.size(), state.userTasks.size(),
          state.incidents.size(), state.messages.size(), state.subscriptions.size(), state.timers.size(),
          state.variables.size());
    }
  }

  // ---- submission (any thread) ----------------------------------------------------------

  public <T> CompletableFuture<T> submit(EngineCommand command) {
    final CompletableFuture<Object> future = new CompletableFuture<>();
    enqueue(new CommandTask(command, future, null));
    @SuppressWarnings("unchecked")
    final CompletableFuture<T> typed = (CompletableFuture<T>) (CompletableFuture<?>) future;
    return typed;
  }

  public CompletableFuture<ProcessInstanceResult> submitWithResult(
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
  public CompletableFuture<Void> submitUserTaskCommand(EngineCommand command, long timeoutMillis) {
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

  public CompletableFuture<List<ActivatedJob>> submitActivation(ActivateJobs command, List<String> fetchVariables,
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

  public JobStreamHandle openStream(JobStreamRequest request, JobSink sink) {
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
  public <T> CompletableFuture<T> read(java.util.function.Function<EngineState, T> query) {
    final CompletableFuture<T> result = new CompletableFuture<>();
    enqueue(new Query(() -> result.complete(query.apply(state))));
    return result;
  }

  private void enqueue(Task task) {
    if (!running) {
      task.reject(new Rejection(Rejection.Type.UNAVAILABLE, "The engine is shutting down"));
      return;
    }
    inbox.add(task);
  }

  // ---- the processing loop --------------------------------------------------------------

  private void run() {
    final List<Task> batch = new ArrayList<>();
    while (!halted && (running || !inbox.isEmpty())) {
      try {
        final Task first = inbox.poll(waitMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          inbox.drainTo(batch, MAX_BATCH);
        }
        batch.forEach(this::execute);
        batch.clear();
        processDueWork();
        handOverToWriter();
        stateSize = StateSize.of(state);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("The engine stopped processing", e);
        halt();
        // the batch in hand will never be journaled: its callers hear so instead of nothing
        final Rejection stopped = new Rejection(Rejection.Type.UNAVAILABLE, "The engine stopped; see its log");
        batch.forEach(task -> task.reject(stopped));
        batchCallers.forEach(caller -> caller.completeExceptionally(stopped));
      }
    }
    if (halted) {
      inbox.forEach(t -> t.reject(new Rejection(Rejection.Type.UNAVAILABLE, "The engine stopped; see its log")));
    }
  }

  private void halt() {
    halted = true;
    running = false;
  }

  /** The batch's entries and answers go to the writer; the next batch is processed meanwhile. */
  private void handOverToWriter() throws InterruptedException {
    if (batchEntries.isEmpty() && afterCommit.isEmpty()) {
      return;
    }
    final Optional<DurableLog.StoredSnapshot> snapshot = entriesSinceSnapshot >= snapshotEvery
        ? takeSnapshot()
        : Optional.empty();
    writer.submit(new JournalWriter.Batch(List.copyOf(batchEntries), List.copyOf(afterCommit), snapshot,
        List.copyOf(batchCallers)));
    batchEntries.clear();
    afterCommit.clear();
    batchCallers.clear();
  }

  /**
   * The state as of the last journaled entry, or empty if it cannot be encoded: the last good
   * snapshot then stays, and the next start replays a longer stretch of journal, which is slower
   * but loses nothing. Processing goes on either way.
   */
  private Optional<DurableLog.StoredSnapshot> takeSnapshot() {
    entriesSinceSnapshot = 0;
    try {
      return Optional.of(new DurableLog.StoredSnapshot(position, snapshotCodec.encodeState(state)));
    } catch (RuntimeException | StackOverflowError e) {
      snapshotFailures.incrementAndGet();
      LOG.error("Could not encode a snapshot at journal position {}; the last snapshot stays and processing goes on",
          position, e);
      return Optional.empty();
    }
  }

  /** Snapshots that could not be taken or stored since the engine started. */
  public long snapshotFailures() {
    return snapshotFailures.get() + writer.snapshotFailures();
  }

  private long waitMillis() {
    final long untilDue = state.nextDueTime() - clock.millis();
    return Math.max(0, Math.min(untilDue, MAX_IDLE_WAIT_MILLIS));
  }

  private void execute(Task task) {
    if (task instanceof Query query) {
      query.action.run();
      return;
    }
    final CommandTask command = (CommandTask) task;
    batchCallers.add(command.future);
    try {
      final Object result = process(command.command);
      if (command.onResult != null) {
        command.onResult.accept(result);
      }
      handleEffects();
      afterCommit.add(() -> command.future.complete(result));
    } catch (Rejection rejection) {
      effects.clear();
      afterCommit.add(() -> command.future.completeExceptionally(rejection));
    }
  }

  /** Processes and journals one command; a rejected command is not journaled. */
  private Object process(EngineCommand command) {
    final long now = clock.millis();
    executor.setTime(now);
    try {
      final Object result = handlers.handle(command);
      journal(now, command);
      return result;
    } catch (Rejection rejection) {
      throw rejection;
    } catch (RuntimeException bug) {
      // Journal it anyway: replay then reaches the same state this run is now in.
      journal(now, command);
      LOG.error("Processing {} failed", command, bug);
      throw new Rejection(Rejection.Type.INVALID_STATE, "Processing failed: " + bug);
    }
  }

  private void journal(long now, EngineCommand command) {
    batchEntries.add(codec.encode(new JournalEntry(now, command)));
    position++;
    entriesSinceSnapshot++;
    final List<Record<?>> records = positioned(now);
    if (!records.isEmpty()) {
      exportStage.accept(() -> exporters.export(records));
    }
  }

  /** The records the command wrote, with their positions and the command's time. */
  private List<Record<?>> positioned(long timestamp) {
    final List<Record<?>> records = new ArrayList<>(effects.records.size());
    for (final Effects.Written written : effects.records) {
      records.add(new Record<RecordValue>(++state.recordPosition, written.key(), timestamp, written.intent(),
          written.value()));
    }
    effects.records.clear();
    return records;
  }

  /**
   * Starts over with empty state. The key counter carries on, so a key handed out before the purge
   * (a job a worker still holds) never names something new.
   */
  private void purge() {
    final EngineState empty = new EngineState();
    empty.keyCounter = state.keyCounter;
    empty.recordPosition = state.recordPosition;
    empty.clock = state.clock; // a purge clears data, not engine time
    useState(empty);
    exportStage.accept(() -> purgeListeners.forEach(Runnable::run));
    // a snapshot right after the purge lets the journal before it be deleted
    entriesSinceSnapshot = snapshotEvery;
  }

  /** Answers result waiters and hands new jobs to streams and long polls. */
  private void handleEffects() {
    effects.completedInstances.forEach((key, variables) -> instanceResults.completed(key, variables, afterCommit::add));
    effects.terminatedInstances.forEach(key -> instanceResults.terminated(key, afterCommit::add));
    effects.userTaskTransitionsEnded.forEach((key, refusal) -> userTaskAnswers.ended(key, refusal, afterCommit::add));
    final List<String> types = List.copyOf(effects.activatableJobTypes);
    effects.clear();
    types.forEach(jobDelivery::serve);
  }

  private void yieldJob(long jobKey) {
    enqueue(new CommandTask(new EngineCommand.YieldJob(jobKey), new CompletableFuture<>(), null));
  }

  /** Activates jobs as a journaled command and describes them for the worker. */
  private List<ActivatedJob> activateNow(ActivateJobs command, List<String> fetchVariables) {
    if (!state.hasActivatableJobs(command.type())) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    final List<Long> keys = (List<Long>) process(command);
    final List<ActivatedJob> activated = new ArrayList<>(keys.size());
    keys.forEach(key -> activated.add(jobs.describe(key, fetchVariables)));
    return activated;
  }

  private void processDueWork() {
    final long now = clock.millis();
    dueCommand(state.timersDueBefore(now), EngineCommand.TriggerTimers::new);
    dueCommand(state.jobsWithDeadlineBefore(now), EngineCommand.TimeOutJobs::new);
    dueCommand(state.jobsWithBackoffBefore(now), EngineCommand.RecurJobs::new);
    dueCommand(state.messagesExpiredBefore(now), EngineCommand.ExpireMessages::new);
  }

  private void dueCommand(List<Long> keys, java.util.function.Function<List<Long>, EngineCommand> command) {
    if (!keys.isEmpty()) {
      process(command.apply(keys));
      handleEffects();
    }
  }

  /** Stops taking commands, finishes the ones accepted, writes a snapshot and closes the log. */
  @Override
  public void close() {
    if (!thread.isAlive()) {
      log.close();
      return;
    }
    running = false;
    try {
      thread.join(10_000);
      jobDelivery.releaseAll();
      if (entriesSinceSnapshot > 0 && writer.isHealthy()) {
        final Optional<DurableLog.StoredSnapshot> last = takeSnapshot();
        if (last.isPresent()) {
          writer.submit(new JournalWriter.Batch(List.of(), List.of(), last, List.of()));
        }
      }
      writer.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exporters.close();
    log.close();
  }

  // ---- tasks ----------------------------------------------------------------------------

  private sealed interface Task permits CommandTask, Query {
    void reject(Rejection rejection);
  }

  private record CommandTask(EngineCommand command, CompletableFuture<Object> future, Consumer<Object> onResult)
      implements Task {
    @Override
    public void reject(Rejection rejection) {
      future.completeExceptionally(rejection);
    }
  }

  private record Query(Runnable action) implements Task {
    @Override
    public void reject(Rejection rejection) {}
  }
}
