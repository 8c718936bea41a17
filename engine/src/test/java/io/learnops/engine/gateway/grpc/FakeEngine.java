package io.learnops.engine.gateway.grpc;

import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.EngineApi.EvaluatedInput;
import io.learnops.engine.api.EngineApi.EvaluatedOutput;
import io.learnops.engine.api.EngineApi.MatchedRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An {@link EngineApi} that records every command the gateway sends and answers with results
 * derived from it, or with the failure a scenario set up. Like the real engine, it completes
 * futures on a single thread of its own.
 */
final class FakeEngine implements EngineApi, AutoCloseable {

  static final Topology TOPOLOGY = new Topology(1, 1, 1, "8.8.14", "engine.local", 26500, 0, true);

  final List<Object> received = new CopyOnWriteArrayList<>();
  final List<OpenStream> streams = new CopyOnWriteArrayList<>();
  final List<CompletableFuture<List<ActivatedJob>>> parkedActivations =
      new CopyOnWriteArrayList<>();

  private final ExecutorService engineThread = Executors.newSingleThreadExecutor();
  private final ConcurrentLinkedQueue<ActivatedJob> activatableJobs = new ConcurrentLinkedQueue<>();
  private volatile RuntimeException failure;
  private volatile boolean failAtOnce;
  private volatile boolean parkActivations;
  private volatile boolean silent;

  // ---- records of the calls that do not take a command record --------------------------------

  record CreateWithResult(
      CreateProcessInstance command, long requestTimeoutMillis, List<String> fetchVariables) {}

  record CancelInstance(long processInstanceKey) {}

  record CompleteJob(long jobKey, Map<String, Object> variables, ListenerResult result) {}

  record UpdateRetries(long jobKey, int retries) {}

  record UpdateTimeout(long jobKey, long timeoutMillis) {}

  record ResolveIncident(long incidentKey) {}

  record OpenStream(JobStreamRequest request, JobSink sink, AtomicBoolean closed, AtomicInteger resumed)
      implements JobStreamHandle {
    @Override
    public void resume() {
      resumed.incrementAndGet();
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }

  // ---- scenario set-up -----------------------------------------------------------------------

  /** Every following command fails the future it returns with this failure. */
  void failWith(final RuntimeException failure) {
    this.failure = failure;
    failAtOnce = false;
  }

  /** Every following command throws this failure instead of returning a future. */
  void throwAtOnce(final RuntimeException failure) {
    this.failure = failure;
    failAtOnce = true;
  }

  /** The next polls get these jobs. */
  void makeActivatable(final ActivatedJob... jobs) {
    activatableJobs.addAll(List.of(jobs));
  }

  /** Every following command is accepted but never answered, as by an engine that lost it. */
  void neverAnswer() {
    silent = true;
  }

  /** Polls park until the scenario completes them, as they do when no job is activatable. */
  void parkActivations() {
    parkActivations = true;
  }

  <T> T lastReceived(final Class<T> type) {
    final List<Object> snapshot = new ArrayList<>(received);
    for (int i = snapshot.size() - 1; i >= 0; i--) {
      if (type.isInstance(snapshot.get(i))) {
        return type.cast(snapshot.get(i));
      }
    }
    throw new AssertionError("the engine received no " + type.getSimpleName());
  }

  // ---- EngineApi -----------------------------------------------------------------------------

  @Override
  public CompletableFuture<Topology> topology() {
    return answer("topology", () -> TOPOLOGY);
  }

  @Override
  public CompletableFuture<DeploymentResult> deploy(final Deploy command) {
    return answer(
        command,
        () -> {
          final List<DeployedProcess> processes = new ArrayList<>();
          for (final Resource resource : command.resources()) {
            processes.add(
                new DeployedProcess(
                    resource.name().replace(".bpmn", ""),
                    1,
                    2251799813685249L + processes.size(),
                    resource.name(),
                    command.tenantId()));
          }
          return new DeploymentResult(2251799813685248L, processes, List.of(), List.of(), command.tenantId());
        });
  }

  @Override
  public CompletableFuture<ProcessInstanceCreated> createProcessInstance(
      final CreateProcessInstance command) {
    return answer(command, () -> created(command));
  }

  @Override
  public CompletableFuture<ProcessInstanceResult> createProcessInstanceWithResult(
      final CreateProcessInstance command,
      final long requestTimeoutMillis,
      final List<String> fetchVariables) {
    return answer(
        new CreateWithResult(command, requestTimeoutMillis, List.copyOf(fetchVariables)),
        () -> new ProcessInstanceResult(created(command), Map.of("approved", true)));
  }

  @Override
  public CompletableFuture<Void> cancelProcessInstance(final long processInstanceKey) {
    return answer(new CancelInstance(processInstanceKey), () -> null);
  }

  @Override
  public CompletableFuture<List<ActivatedJob>> activateJobs(final ActivateJobs command) {
    if (parkActivations) {
      received.add(command);
      final CompletableFuture<List<ActivatedJob>> parked = new CompletableFuture<>();
      parkedActivations.add(parked);
      return parked;
    }
    return answer(
        command,
        () -> {
          final List<ActivatedJob> jobs = new ArrayList<>();
          ActivatedJob job;
          while (jobs.size() < command.maxJobsToActivate()
              && (job = activatableJobs.poll()) != null) {
            jobs.add(job);
          }
          return jobs;
        });
  }

  @Override
  public JobStreamHandle openJobStream(final JobStreamRequest request, final JobSink sink) {
    received.add(request);
    if (failure != null) {
      throw failure;
    }
    final OpenStream stream = new OpenStream(request, sink, new AtomicBoolean(), new AtomicInteger());
    streams.add(stream);
    return stream;
  }

  @Override
  public CompletableFuture<Void> completeJob(
      final long jobKey, final Map<String, Object> variables, final ListenerResult result) {
    return answer(new CompleteJob(jobKey, variables, result), () -> null);
  }

  @Override
  public CompletableFuture<Void> failJob(final FailJob command) {
    return answer(command, () -> null);
  }

  @Override
  public CompletableFuture<Void> throwError(final ThrowError command) {
    return answer(command, () -> null);
  }

  @Override
  public CompletableFuture<Void> updateJobRetries(final long jobKey, final int retries) {
    return answer(new UpdateRetries(jobKey, retries), () -> null);
  }

  @Override
  public CompletableFuture<Void> updateJobTimeout(final long jobKey, final long timeoutMillis) {
    return answer(new UpdateTimeout(jobKey, timeoutMillis), () -> null);
  }

  @Override
  public CompletableFuture<MessagePublished> publishMessage(final PublishMessage command) {
    return answer(command, () -> new MessagePublished(2251799813685300L, command.tenantId()));
  }

  @Override
  public CompletableFuture<MessageCorrelated> correlateMessage(final CorrelateMessage command) {
    return answer(command, () -> new MessageCorrelated(2251799813685300L, command.tenantId(), 2251799813685301L));
  }

  @Override
  public CompletableFuture<Long> setVariables(final SetVariables command) {
    return answer(command, () -> 2251799813685400L);
  }

  @Override
  public CompletableFuture<Long> broadcastSignal(final BroadcastSignal command) {
    return answer(command, () -> 2251799813685500L);
  }

  @Override
  public CompletableFuture<Void> resolveIncident(final long incidentKey) {
    return answer(new ResolveIncident(incidentKey), () -> null);
  }

  @Override
  public CompletableFuture<DecisionEvaluated> evaluateDecision(final EvaluateDecision command) {
    return answer(command, () -> new DecisionEvaluated(
            2251799813685702L,
            new DeployedDecision("triage", "Triage", 1, 2251799813685700L, "rubric", 2251799813685701L,
                "Rubric", 1, "rubric.dmn", command.tenantId()),
            "standard",
            List.of(new EvaluatedInput("impact", "Business impact", "high")),
            List.of(new MatchedRule("rule-3", 3, List.of(new EvaluatedOutput("tier", "Tier", "standard"))))));
  }

  @Override
  public void close() {
    engineThread.shutdownNow();
  }

  private static ProcessInstanceCreated created(final CreateProcessInstance command) {
    final boolean byKey = command.processDefinitionKey() > 0;
    return new ProcessInstanceCreated(
        byKey ? command.processDefinitionKey() : 2251799813685249L,
        byKey ? "order" : command.bpmnProcessId(),
        byKey || command.version() == CreateProcessInstance.LATEST_VERSION ? 3 : command.version(),
        2251799813685260L,
        command.tenantId());
  }

  private <T> CompletableFuture<T> answer(final Object command, final Supplier<T> result) {
    received.add(command);
    final RuntimeException failure = this.failure;
    if (failure != null && failAtOnce) {
      throw failure;
    }
    if (silent) {
      return new CompletableFuture<>();
    }
    return CompletableFuture.supplyAsync(
        () -> {
          if (failure != null) {
            throw failure;
          }
          return result.get();
        },
        engineThread);
  }

  @Override
  public CompletableFuture<Void> assignUserTask(long userTaskKey, String assignee, boolean allowOverride, String action) {
    throw new UnsupportedOperationException("user tasks are REST only");
  }

  @Override
  public CompletableFuture<Void> updateUserTask(long userTaskKey, Map<String, Object> changes, String action) {
    throw new UnsupportedOperationException("user tasks are REST only");
  }

  @Override
  public CompletableFuture<Void> completeUserTask(long userTaskKey, Map<String, Object> variables, String action) {
    throw new UnsupportedOperationException("user tasks are REST only");
  }

  @Override
  public CompletableFuture<java.util.Optional<FormView>> form(long formKey) {
    return CompletableFuture.completedFuture(java.util.Optional.empty());
  }
}
