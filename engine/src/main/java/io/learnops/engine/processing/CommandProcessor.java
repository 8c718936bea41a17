package io.learnops.engine.processing;

import io.learnops.engine.EngineClock;
import io.learnops.engine.api.EngineApi.ActivatedJob;
import io.learnops.engine.api.EngineApi.JobSink;
import io.learnops.engine.api.EngineApi.JobStreamRequest;
import io.learnops.engine.api.EngineApi.ProcessInstanceCreated;
import io.learnops.engine.api.EngineApi.ProcessInstanceResult;
import io.learnops.engine.api.Rejection;
import io.learnops.engine.bpmn.BpmnExecutor;
import io.learnops.engine.bpmn.Effects;
import io.learnops.engine.bpmn.EngineEvent;
import io.learnops.engine.bpmn.ProcessCache;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.model.BpmnTransformer;
import io.learnops.engine.processing.EngineCommand.ActivateJobs;
import io.learnops.engine.state.EngineState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
  private final BlockingQueue<Task> inbox = new LinkedBlockingQueue<>();
  private final List<Runnable> afterCommit = new ArrayList<>();
  private final List<Consumer<EngineEvent>> eventListeners = new CopyOnWriteArrayList<>();
  private final Map<String, ArrayDeque<JobPoll>> pollsByType = new HashMap<>();
  private final Map<String, List<JobStream>> streamsByType = new HashMap<>();
  private final Map<Long, ResultWaiter> resultWaiters = new HashMap<>();
  private final int snapshotEvery;
  private final ExpressionLanguage feel = new ExpressionLanguage();
  private final BpmnTransformer transformer = new BpmnTransformer(feel);
  private final ProcessCache processes = new ProcessCache(transformer);
  private final Effects effects = new Effects();
  private final Thread thread;
  private volatile boolean running = true;
  private EngineState state;
  private BpmnExecutor executor;
  private DeploymentProcessor deployments;
  private JobProcessor jobs;
  private InstanceProcessor instances;
  private EventProcessor events;
  private long entriesSinceSnapshot;

  public CommandProcessor(DurableLog log, EngineClock clock, int snapshotEvery) {
    this.log = log;
    this.clock = clock;
    this.snapshotEvery = snapshotEvery;
    this.thread = new Thread(this::run, "learnops-engine-processor");
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
    useState(snapshot.map(s -> codec.decodeState(s.state())).orElseGet(EngineState::new));
    final long[] replayed = {0};
    log.replay(snapshot.map(DurableLog.StoredSnapshot::position).orElse(0L), (position, bytes) -> {
      final JournalEntry entry = codec.decode(bytes);
      executor.setTime(entry.timestamp());
      try {
        dispatch(entry.command());
      } catch (Rejection | IllegalStateException e) {
        LOG.debug("replayed command {} was refused as it was the first time: {}", position, e.getMessage());
      }
      effects.clear();
      replayed[0]++;
    });
    entriesSinceSnapshot = replayed[0];
    if (replayed[0] > 0 || snapshot.isPresent()) {
      LOG.info("Recovered state: snapshot at position {}, {} journal entries replayed in {} ms",
          snapshot.map(DurableLog.StoredSnapshot::position).orElse(0L), replayed[0],
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
    }
    thread.start();
  }

  private void useState(EngineState newState) {
    state = newState;
    processes.clear();
    executor = new BpmnExecutor(state, feel, processes, effects);
    deployments = new DeploymentProcessor(state, transformer, processes, executor);
    jobs = new JobProcessor(state, executor, effects);
    instances = new InstanceProcessor(state, processes, executor, jobs);
    events = new EventProcessor(state, processes, executor);
  }

  public void addEventListener(Consumer<EngineEvent> listener) {
    eventListeners.add(listener);
  }

  /** False once processing stopped, e.g. because the journal could not be written. */
  public boolean isRunning() {
    return running && thread.isAlive();
  }

  public int queueDepth() {
    return inbox.size();
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
    enqueue(new CommandTask(command, created, r -> {
      final ProcessInstanceCreated instance = (ProcessInstanceCreated) r;
      resultWaiters.put(instance.processInstanceKey(), new ResultWaiter(instance, fetchVariables, result));
    }));
    created.whenComplete((r, error) -> {
      if (error != null) {
        result.completeExceptionally(error);
      }
    });
    Timeouts.after(timeoutMillis, () -> {
      if (result.completeExceptionally(new Rejection(Rejection.Type.DEADLINE_EXCEEDED,
          "Expected the process instance to complete within %d ms, but it did not".formatted(timeoutMillis)))) {
        enqueue(new Query(() -> resultWaiters.values().removeIf(w -> w.future == result)));
      }
    });
    return result;
  }

  public CompletableFuture<List<ActivatedJob>> submitActivation(ActivateJobs command, List<String> fetchVariables,
      long longPollMillis) {
    final CompletableFuture<List<ActivatedJob>> result = new CompletableFuture<>();
    final JobPoll poll = new JobPoll(command, fetchVariables, result);
    enqueue(new Query(() -> {
      final List<ActivatedJob> activated = activateNow(command, fetchVariables);
      if (!activated.isEmpty() || longPollMillis <= 0) {
        afterCommit.add(() -> deliver(result, activated));
        return;
      }
      pollsByType.computeIfAbsent(command.type(), t -> new ArrayDeque<>()).add(poll);
      Timeouts.after(longPollMillis, () -> enqueue(new Query(() -> {
        final ArrayDeque<JobPoll> polls = pollsByType.get(command.type());
        if (polls != null && polls.remove(poll)) {
          result.complete(List.of());
        }
      })));
    }));
    return result;
  }

  public AutoCloseable openStream(JobStreamRequest request, JobSink sink) {
    final JobStream stream = new JobStream(request, sink);
    enqueue(new Query(() -> {
      streamsByType.computeIfAbsent(request.type(), t -> new ArrayList<>()).add(stream);
      serveJobs(request.type());
    }));
    return () -> enqueue(new Query(() -> {
      final List<JobStream> streams = streamsByType.get(request.type());
      if (streams != null) {
        streams.remove(stream);
      }
    }));
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
    while (running || !inbox.isEmpty()) {
      try {
        final Task first = inbox.poll(waitMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          inbox.drainTo(batch, MAX_BATCH);
        }
        batch.forEach(this::execute);
        batch.clear();
        processDueWork();
        log.commit();
        runAfterCommit();
        snapshotIfDue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("The engine stopped processing: the journal could not be written", e);
        afterCommit.clear();
        running = false;
        inbox.forEach(t -> t.reject(new Rejection(Rejection.Type.UNAVAILABLE, "The engine stopped: " + e.getMessage())));
        return;
      }
    }
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
    try {
      final Object result = process(command.command);
      if (command.onResult != null) {
        command.onResult.accept(result);
      }
      // effects first: a caller who has its answer must find the command's events published
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
      final Object result = dispatch(command);
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
    log.append(codec.encode(new JournalEntry(now, command)));
    entriesSinceSnapshot++;
  }

  private Object dispatch(EngineCommand command) {
    if (command instanceof EngineCommand.Deploy c) {
      return deployments.deploy(c);
    } else if (command instanceof EngineCommand.CreateInstance c) {
      return instances.create(c);
    } else if (command instanceof EngineCommand.CancelInstance c) {
      instances.cancel(c.processInstanceKey());
    } else if (command instanceof EngineCommand.ActivateJobs c) {
      return jobs.activate(c);
    } else if (command instanceof EngineCommand.CompleteJob c) {
      jobs.complete(c.jobKey(), c.variables());
    } else if (command instanceof EngineCommand.FailJob c) {
      jobs.fail(c);
    } else if (command instanceof EngineCommand.ThrowError c) {
      jobs.throwError(c);
    } else if (command instanceof EngineCommand.UpdateJobRetries c) {
      jobs.updateRetries(c.jobKey(), c.retries());
    } else if (command instanceof EngineCommand.UpdateJobTimeout c) {
      jobs.updateTimeout(c.jobKey(), c.timeoutMillis());
    } else if (command instanceof EngineCommand.YieldJob c) {
      jobs.yield(c.jobKey());
    } else if (command instanceof EngineCommand.TimeOutJobs c) {
      jobs.timeOut(c.jobKeys());
    } else if (command instanceof EngineCommand.RecurJobs c) {
      jobs.recur(c.jobKeys());
    } else if (command instanceof EngineCommand.PublishMessage c) {
      return events.publish(c);
    } else if (command instanceof EngineCommand.ExpireMessages c) {
      events.expire(c.messageKeys());
    } else if (command instanceof EngineCommand.SetVariables c) {
      return instances.setVariables(c);
    } else if (command instanceof EngineCommand.BroadcastSignal c) {
      return events.broadcast(c);
    } else if (command instanceof EngineCommand.ResolveIncident c) {
      instances.resolveIncident(c.incidentKey());
    } else if (command instanceof EngineCommand.TriggerTimers c) {
      events.triggerTimers(c.timerKeys());
    } else {
      throw new IllegalArgumentException("unknown command " + command);
    }
    return null;
  }

  /** Publishes the events, then answers result waiters and hands new jobs to streams and long polls. */
  private void handleEffects() {
    if (!eventListeners.isEmpty() && !effects.events.isEmpty()) {
      final List<EngineEvent> emitted = List.copyOf(effects.events);
      afterCommit.add(() -> emitted.forEach(e -> eventListeners.forEach(l -> l.accept(e))));
    }
    effects.completedInstances.forEach((key, variables) -> {
      final ResultWaiter waiter = resultWaiters.remove(key);
      if (waiter != null) {
        final Map<String, Object> fetched = waiter.fetch(variables);
        afterCommit.add(() -> waiter.future.complete(new ProcessInstanceResult(waiter.instance, fetched)));
      }
    });
    effects.terminatedInstances.forEach(key -> {
      final ResultWaiter waiter = resultWaiters.remove(key);
      if (waiter != null) {
        afterCommit.add(() -> waiter.future.completeExceptionally(Rejection.invalidState(
            "Expected the process instance %d to complete, but it was terminated".formatted(key))));
      }
    });
    final List<String> types = List.copyOf(effects.activatableJobTypes);
    effects.clear();
    types.forEach(this::serveJobs);
  }

  private void serveJobs(String type) {
    final List<JobStream> streams = streamsByType.getOrDefault(type, List.of());
    boolean served = true;
    while (served && !streams.isEmpty() && state.hasActivatableJobs(type)) {
      served = false;
      for (final JobStream stream : List.copyOf(streams)) {
        final JobStreamRequest request = stream.request;
        final List<ActivatedJob> activated = activateNow(
            new ActivateJobs(type, request.worker(), request.timeoutMillis(), 1, request.tenantIds()), request.fetchVariables());
        for (final ActivatedJob job : activated) {
          served = true;
          afterCommit.add(() -> {
            if (!stream.sink.push(job)) {
              enqueue(new CommandTask(new EngineCommand.YieldJob(job.key()), new CompletableFuture<>(), null));
            }
          });
        }
      }
    }
    final ArrayDeque<JobPoll> polls = pollsByType.get(type);
    while (polls != null && !polls.isEmpty() && state.hasActivatableJobs(type)) {
      final JobPoll poll = polls.peek();
      if (poll.future.isDone()) {
        polls.poll();
        continue;
      }
      final List<ActivatedJob> activated = activateNow(poll.command, poll.fetchVariables);
      if (activated.isEmpty()) {
        break;
      }
      polls.poll();
      afterCommit.add(() -> deliver(poll.future, activated));
    }
  }

  /** Hands jobs to a poll; if its caller went away meanwhile, the jobs are activatable again at once. */
  private void deliver(CompletableFuture<List<ActivatedJob>> poll, List<ActivatedJob> jobs) {
    if (!poll.complete(jobs)) {
      jobs.forEach(job -> enqueue(new CommandTask(new EngineCommand.YieldJob(job.key()), new CompletableFuture<>(), null)));
    }
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

  private void runAfterCommit() {
    for (final Runnable action : afterCommit) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.warn("Answering a caller failed", e);
      }
    }
    afterCommit.clear();
  }

  private void snapshotIfDue() {
    if (entriesSinceSnapshot >= snapshotEvery) {
      snapshot();
    }
  }

  private void snapshot() {
    try {
      log.writeSnapshot(log.lastPosition(), codec.encodeState(state));
      entriesSinceSnapshot = 0;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write a snapshot", e);
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
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pollsByType.values().forEach(polls -> polls.forEach(p -> p.future.complete(List.of())));
    if (entriesSinceSnapshot > 0) {
      snapshot();
    }
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

  private record JobPoll(ActivateJobs command, List<String> fetchVariables, CompletableFuture<List<ActivatedJob>> future) {}

  private record JobStream(JobStreamRequest request, JobSink sink) {}

  private record ResultWaiter(ProcessInstanceCreated instance, List<String> fetchVariables,
      CompletableFuture<ProcessInstanceResult> future) {
    Map<String, Object> fetch(Map<String, Object> variables) {
      if (fetchVariables == null || fetchVariables.isEmpty()) {
        return variables;
      }
      final Map<String, Object> fetched = new LinkedHashMap<>();
      fetchVariables.stream().filter(variables::containsKey).forEach(n -> fetched.put(n, variables.get(n)));
      return fetched;
    }
  }
}
