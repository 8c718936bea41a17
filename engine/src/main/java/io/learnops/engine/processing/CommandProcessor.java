package io.learnops.engine.processing;

import io.learnops.engine.EngineClock;
import io.learnops.engine.api.EngineApi.ActivatedJob;
import io.learnops.engine.api.EngineApi.JobSink;
import io.learnops.engine.api.EngineApi.JobStreamHandle;
import io.learnops.engine.api.EngineApi.JobStreamRequest;
import io.learnops.engine.api.EngineApi.ProcessInstanceResult;
import io.learnops.engine.api.Rejection;
import io.learnops.engine.bpmn.BpmnExecutor;
import io.learnops.engine.bpmn.Effects;
import io.learnops.engine.bpmn.ProcessCache;
import io.learnops.engine.bpmn.ProcessingFault;
import io.learnops.engine.exporter.ExporterDirector;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.model.BpmnTransformer;
import io.learnops.engine.processing.EngineCommand.ActivateJobs;
import io.learnops.engine.processing.Submissions.CommandTask;
import io.learnops.engine.processing.Submissions.Query;
import io.learnops.engine.processing.Submissions.Task;
import io.learnops.engine.record.Intent.ErrorIntent;
import io.learnops.engine.record.Intent.PurgeIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue;
import io.learnops.engine.record.RecordValue.ErrorValue;
import io.learnops.engine.record.RecordValue.PurgeValue;
import io.learnops.engine.record.ValueType;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.EventAppliers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.camunda.dmn.DmnEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer. A single thread takes commands from the inbox in order, processes each
 * atomically (its records are applied as they are written, and all taken back if it is rejected
 * or fails), journals the records and, once the whole batch is fsynced, answers the callers
 * (group commit). Nothing else touches the state, so there are no locks on the hot path. Work the
 * engine owes itself (timers due, job deadlines passed, back-offs over, messages expired) becomes
 * commands on the same path.
 *
 * <p>Its neighbours hold the rest: {@link Submissions} (how work arrives from other threads),
 * {@link ProcessingParts} (the handlers and what they work on, per command type a handler in
 * {@link CommandHandlers}), {@link JournalReplay} (recovery) and {@link JournalWriter} (the disk).
 * What stays here, the loop with its batches, the atomic step and the snapshots, shares the
 * batch's entries and answers, which is why it is one class of about 530 lines.
 */
public final class CommandProcessor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);
  private static final int MAX_BATCH = 2_000;
  private static final long MAX_IDLE_WAIT_MILLIS = 50;

  private final DurableLog log;
  private final EngineClock clock;
  private final CommandCodec codec = new CommandCodec();
  private final JournalReplay journalReplay;
  /** due timers, deadlines and messages whose command failed without an instance to ban; tried again after a restart */
  private final java.util.Set<Long> failedDueKeys = new java.util.HashSet<>();
  private final Submissions submissions;
  private final BlockingQueue<Task> inbox;
  private final SnapshotCodec snapshotCodec = new SnapshotCodec();
  private final List<Runnable> afterCommit = new ArrayList<>();
  private final List<byte[]> batchEntries = new ArrayList<>();
  /** the callers answered in {@link #afterCommit}, to be told if the batch never becomes durable */
  private final List<CompletableFuture<?>> batchCallers = new ArrayList<>();
  private final JournalWriter writer;
  private final ExporterDirector exporters;
  private final AtomicLong snapshotFailures = new AtomicLong();
  private final List<Runnable> purgeListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<EngineState>> recoveryListeners = new CopyOnWriteArrayList<>();
  private final InstanceResults instanceResults = new InstanceResults();
  private final UserTaskAnswers userTaskAnswers = new UserTaskAnswers();
  private final JobDelivery jobDelivery =
      new JobDelivery(type -> this.state.hasActivatableJobs(type), this::activateNow, afterCommit::add, this::yieldJob);
  private final int snapshotEvery;
  private final Effects effects = new Effects();
  private final ProcessingParts.Tools tools;
  private final Thread thread;
  private volatile boolean running = true;
  /** counted after each batch, so that metrics read sizes without touching the state */
  private volatile StateSize stateSize = StateSize.EMPTY;
  /** set when the journal cannot be written: nothing more may be accepted */
  private volatile boolean halted;
  private EngineState state;
  private EventAppliers appliers;
  private BpmnExecutor executor;
  private JobProcessor jobs;
  private ClockProcessor clocks;
  private CommandHandlers handlers;
  private long entriesSinceSnapshot;
  /** position of the last journaled entry, counted here because the writer appends later */
  private long position;

  public CommandProcessor(DurableLog log, EngineClock clock, int snapshotEvery, ExporterDirector exporters,
      ProcessingFault fault) {
    this.log = log;
    this.journalReplay = new JournalReplay(log, codec, snapshotCodec);
    final ExpressionLanguage feel = new ExpressionLanguage();
    final BpmnTransformer transformer = new BpmnTransformer(feel);
    this.tools = new ProcessingParts.Tools(feel, transformer, new ProcessCache(transformer),
        new DmnEngine.Builder().clock(feel.clock()).build(), effects, clock, fault);
    this.clock = clock;
    this.snapshotEvery = snapshotEvery;
    this.exporters = exporters;
    this.thread = new Thread(this::run, "learnops-engine-processor");
    this.writer = new JournalWriter(log, this::halt);
    this.submissions = new Submissions(() -> running, instanceResults, userTaskAnswers, jobDelivery);
    this.inbox = submissions.inbox();
  }

  /**
   * Loads the latest snapshot, applies the records of the journal entries after it (processing
   * does not run again), hands them to the exporters that have not seen them, then starts
   * processing.
   */
  public void start() throws IOException {
    final long startedAt = System.nanoTime();
    final JournalReplay.Base base = journalReplay.base();
    useState(base.state());
    recoveryListeners.forEach(listener -> listener.accept(state));
    exporters.open(state.recordPosition);
    final long replayed = journalReplay.replay(base.position(), state, appliers, this::exportReplayed);
    clocks.restore();
    entriesSinceSnapshot = replayed;
    position = log.lastPosition();
    if (replayed > 0 || base.position() > 0) {
      LOG.info("Recovered state: snapshot at position {}, the records of {} journal entries applied in {} ms",
          base.position(), replayed, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
    }
    writer.start();
    thread.start();
  }

  /** A purge replayed clears what the listeners keep before the records after it arrive. */
  private void exportReplayed(List<Record<?>> records) {
    if (records.stream().anyMatch(record -> record.valueType() == ValueType.PURGE)) {
      purgeListeners.forEach(Runnable::run);
    }
    exporters.export(records);
  }

  private void useState(EngineState newState) {
    final ProcessingParts parts = ProcessingParts.around(newState, tools, this::purge);
    state = parts.state();
    appliers = parts.appliers();
    executor = parts.executor();
    jobs = parts.jobs();
    clocks = parts.clocks();
    handlers = parts.handlers();
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

  // ---- submission (any thread): see Submissions ---------------------------------------

  public <T> CompletableFuture<T> submit(EngineCommand command) {
    return submissions.submit(command);
  }

  public CompletableFuture<ProcessInstanceResult> submitWithResult(
      EngineCommand.CreateInstance command, List<String> fetchVariables, long timeoutMillis) {
    return submissions.submitWithResult(command, fetchVariables, timeoutMillis);
  }

  public CompletableFuture<Void> submitUserTaskCommand(EngineCommand command, long timeoutMillis) {
    return submissions.submitUserTaskCommand(command, timeoutMillis);
  }

  public CompletableFuture<List<ActivatedJob>> submitActivation(ActivateJobs command, List<String> fetchVariables,
      long longPollMillis) {
    return submissions.submitActivation(command, fetchVariables, longPollMillis);
  }

  public JobStreamHandle openStream(JobStreamRequest request, JobSink sink) {
    return submissions.openStream(request, sink);
  }

  /** Runs a read on the processing thread, where the state is consistent. */
  public <T> CompletableFuture<T> read(java.util.function.Function<EngineState, T> query) {
    return submissions.read(query, () -> state);
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
      } catch (RuntimeException | Error e) {
        // a command's own failure is taken back in process(); this is the loop itself failing
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
    if (!failedDueKeys.isEmpty()) {
      return MAX_IDLE_WAIT_MILLIS; // their due time has passed, and they are not tried again
    }
    final long untilDue = state.nextDueTime() - clock.millis();
    return Math.max(0, Math.min(untilDue, MAX_IDLE_WAIT_MILLIS));
  }

  private void execute(Task task) {
    if (task instanceof Query query) {
      query.action().run();
      return;
    }
    final CommandTask command = (CommandTask) task;
    batchCallers.add(command.future());
    try {
      final Object result = process(command.command());
      if (command.onResult() != null) {
        command.onResult().accept(result);
      }
      handleEffects();
      afterCommit.add(() -> command.future().complete(result));
    } catch (Rejection rejection) {
      effects.clear();
      afterCommit.add(() -> command.future().completeExceptionally(rejection));
    }
  }

  /**
   * Processes and journals one command, atomically: its records are applied as it writes them,
   * and if it is rejected or fails they are all taken back, so the state is exactly as before.
   * A rejected command is not journaled.
   */
  private Object process(EngineCommand command) {
    final long now = clock.millis();
    executor.setTime(now);
    final long keysBefore = state.keyCounter;
    final Object result;
    final byte[] entry;
    try {
      result = handlers.handle(command);
      entry = encode(now, command); // a value the journal cannot hold fails the command, like any other failure
    } catch (Rejection rejection) {
      takeBack(keysBefore);
      throw rejection;
    } catch (RuntimeException | Error failure) {
      throw failed(command, now, keysBefore, failure);
    }
    journal(now, entry);
    return result;
  }

  /**
   * An unexpected failure (a bug, a stack overflow, memory running out): nothing the command did is
   * kept, and the process instance it was working on is banned, with an ERROR record, so that the
   * same failure does not come back with each command for it. Other instances go on.
   */
  private Rejection failed(EngineCommand command, long now, long keysBefore, Throwable failure) {
    final long instance = effects.records.stream().mapToLong(written -> written.value().processInstanceKey())
        .filter(key -> key >= 0).findFirst().orElse(-1);
    final String name = command.getClass().getSimpleName();
    takeBack(keysBefore);
    final boolean ban = state.elementInstances.containsKey(instance) && !state.isBanned(instance);
    LOG.error("Processing {} failed unexpectedly; nothing it did was kept{}", name,
        ban ? ", and process instance " + instance + " is banned from further processing" : "", failure);
    if (ban) {
      executor.setTime(now);
      executor.write(state.nextKey(), ErrorIntent.CREATED,
          new ErrorValue(name, String.valueOf(failure), stackTrace(failure), instance));
      journal(now, encode(now, command));
    }
    return new Rejection(Rejection.Type.INTERNAL, "Expected to process %s, but it failed unexpectedly (%s); nothing it did was kept%s. See the engine log."
        .formatted(name, failure.getClass().getSimpleName(), ban ? " and process instance " + instance + " is banned" : ""));
  }

  private static String stackTrace(Throwable failure) {
    final StackTraceElement[] frames = failure.getStackTrace();
    final StringBuilder trace = new StringBuilder(String.valueOf(failure));
    for (int i = 0; i < Math.min(frames.length, 30); i++) {
      trace.append("\n\tat ").append(frames[i]);
    }
    return trace.toString();
  }

  /**
   * Puts the state back as it was before the command being processed. Without records written,
   * nothing but the key counter changed. Otherwise the state is rebuilt from the latest snapshot
   * and the journal, the same way a restart does, plus the entries of this batch not yet written:
   * slow, but only for commands that failed midway.
   */
  private void takeBack(long keysBefore) {
    final boolean changed = !effects.records.isEmpty();
    effects.clear();
    if (!changed) {
      state.keyCounter = keysBefore;
      return;
    }
    try {
      writer.awaitWritten();
      final JournalReplay.Base base = journalReplay.base();
      useState(base.state());
      journalReplay.replay(base.position(), state, appliers, records -> { });
      for (final byte[] entry : batchEntries) {
        JournalReplay.apply(journalReplay.decode(position, entry), state, appliers);
      }
      clocks.restore();
    } catch (IOException e) {
      throw new IllegalStateException("Could not rebuild the state after a failed command", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while rebuilding the state after a failed command", e);
    }
  }

  private byte[] encode(long now, EngineCommand command) {
    return codec.encode(JournalEntry.of(now, command, state.keyCounter, List.copyOf(effects.records)));
  }

  private void journal(long now, byte[] entry) {
    batchEntries.add(entry);
    position++;
    entriesSinceSnapshot++;
    final List<Record<?>> records = positioned(now);
    if (!records.isEmpty()) {
      afterCommit.add(() -> exporters.export(records));
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

  /** Deletes all data (see the PURGED applier); keys, record positions and engine time go on. */
  private void purge() {
    executor.write(-1, PurgeIntent.PURGED, new PurgeValue());
    tools.processes().clear();
    afterCommit.add(() -> purgeListeners.forEach(Runnable::run));
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
    submissions.submit(new EngineCommand.YieldJob(jobKey));
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
    final List<Long> timers = state.timersDueBefore(now);
    final List<Long> deadlines = state.jobsWithDeadlineBefore(now);
    final List<Long> backoffs = state.jobsWithBackoffBefore(now);
    final List<Long> expired = state.messagesExpiredBefore(now);
    if (!failedDueKeys.isEmpty()) {
      // a failed key that is no longer due (canceled, or gone with its instance) stops slowing the loop
      failedDueKeys.removeIf(key -> !timers.contains(key) && !deadlines.contains(key) && !backoffs.contains(key)
          && !expired.contains(key));
    }
    dueCommand(timers, EngineCommand.TriggerTimers::new);
    dueCommand(deadlines, EngineCommand.TimeOutJobs::new);
    dueCommand(backoffs, EngineCommand.RecurJobs::new);
    dueCommand(expired, EngineCommand.ExpireMessages::new);
  }

  /**
   * Processes the work that fell due. If it fails, each key is tried on its own, so that one
   * failing timer or deadline does not hold up the others; a key that fails on its own without an
   * instance to ban is not tried again until the engine restarts.
   */
  private void dueCommand(List<Long> due, java.util.function.Function<List<Long>, EngineCommand> command) {
    final List<Long> keys = due.stream().filter(key -> !failedDueKeys.contains(key)).toList();
    if (keys.isEmpty()) {
      return;
    }
    try {
      process(command.apply(keys));
      handleEffects();
    } catch (Rejection failure) {
      if (keys.size() == 1) {
        failedDueKeys.add(keys.get(0));
      } else {
        keys.forEach(key -> dueCommand(List.of(key), command));
      }
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
}
