package io.learnops.engine.gateway.rest;

import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.EngineApi.EvaluatedInput;
import io.learnops.engine.api.EngineApi.EvaluatedOutput;
import io.learnops.engine.api.EngineApi.MatchedRule;
import io.learnops.engine.api.Rejection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An in-test EngineApi: records every command, answers with canned results and, like the real
 * engine, completes its futures on a single "engine" thread. Job activation long-polls: a request
 * finding no job is parked until {@link #offerJob} or its request timeout.
 */
final class FakeEngine implements EngineApi, AutoCloseable {

  /** One API call: the method name and its arguments, commands as the records the API takes. */
  record Call(String method, List<Object> arguments) {
    Object argument() {
      return arguments.get(0);
    }
  }

  /** How a configured rejection reaches the gateway. */
  enum Delivery {
    THROWN,
    FAILED_FUTURE
  }

  static final String ENGINE_THREAD = "fake-engine";

  final List<Call> calls = new CopyOnWriteArrayList<>();
  Topology topology = new Topology(1, 1, 1, "8.8.14", "engine-host", 26500, 0, true);

  private final ExecutorService engineThread =
      Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, ENGINE_THREAD));
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private volatile Rejection rejection;
  private volatile Delivery delivery = Delivery.FAILED_FUTURE;
  private volatile boolean silent;

  // touched on the engine thread only
  private final Queue<ActivatedJob> activatableJobs = new ArrayDeque<>();
  private final Queue<CompletableFuture<List<ActivatedJob>>> parkedPolls = new ArrayDeque<>();

  /**
   * Every command from now on is rejected with {@code rejection}, delivered as {@code how}; every,
   * not just the next, because the client retries some statuses (503) by itself.
   */
  void rejectAll(Rejection rejection, Delivery how) {
    delivery = how;
    this.rejection = rejection;
  }

  /** Every following command is accepted but never answered, as by an engine that lost it. */
  void neverAnswer() {
    silent = true;
  }

  /** Makes a job activatable; a parked poll gets it at once. */
  void offerJob(ActivatedJob job) {
    engineThread.execute(
        () -> {
          final CompletableFuture<List<ActivatedJob>> parked = parkedPolls.poll();
          if (parked != null) {
            parked.complete(List.of(job));
          } else {
            activatableJobs.add(job);
          }
        });
  }

  List<Call> calls(String method) {
    return calls.stream().filter(call -> call.method().equals(method)).toList();
  }

  Call lastCall(String method) {
    final List<Call> matching = calls(method);
    if (matching.isEmpty()) {
      throw new AssertionError("no call to " + method + " in " + calls);
    }
    return matching.get(matching.size() - 1);
  }

  static ActivatedJob job(long key, String type) {
    return new ActivatedJob(
        key,
        type,
        2251799813685249L,
        "order-process",
        3,
        2251799813685248L,
        "charge-card",
        2251799813685250L,
        Map.of("priority", "high"),
        "worker-1",
        3,
        1_700_000_000_000L,
        Map.of("orderId", "A-1"),
        DEFAULT_TENANT,
        "BPMN_ELEMENT",
        "UNSPECIFIED",
        java.util.Optional.empty());
  }

  @Override
  public CompletableFuture<Topology> topology() {
    return answer("topology", List.of(), () -> topology);
  }

  @Override
  public CompletableFuture<DeploymentResult> deploy(Deploy command) {
    return answer(
        "deploy",
        List.of(command),
        () -> {
          final List<DeployedProcess> processes = new ArrayList<>();
          for (int i = 0; i < command.resources().size(); i++) {
            processes.add(
                new DeployedProcess(
                    "process-" + i,
                    1,
                    2251799813685300L + i,
                    command.resources().get(i).name(),
                    command.tenantId()));
          }
          return new DeploymentResult(2251799813685299L, processes, List.of(), List.of(), command.tenantId());
        });
  }

  @Override
  public CompletableFuture<ProcessInstanceCreated> createProcessInstance(
      CreateProcessInstance command) {
    return answer("createProcessInstance", List.of(command), () -> created(command));
  }

  @Override
  public CompletableFuture<ProcessInstanceResult> createProcessInstanceWithResult(
      CreateProcessInstance command, long requestTimeoutMillis, List<String> fetchVariables) {
    return answer(
        "createProcessInstanceWithResult",
        List.of(command, requestTimeoutMillis, fetchVariables),
        () -> new ProcessInstanceResult(created(command), Map.of("total", 42, "approved", true)));
  }

  private static ProcessInstanceCreated created(CreateProcessInstance command) {
    final long definitionKey =
        command.processDefinitionKey() > 0 ? command.processDefinitionKey() : 2251799813685248L;
    return new ProcessInstanceCreated(
        definitionKey, "order-process", 3, 2251799813685249L, command.tenantId());
  }

  @Override
  public CompletableFuture<Void> cancelProcessInstance(long processInstanceKey) {
    return answer("cancelProcessInstance", List.of(processInstanceKey), () -> null);
  }

  @Override
  public CompletableFuture<List<ActivatedJob>> activateJobs(ActivateJobs command) {
    final Rejection rejected = record("activateJobs", List.of(command));
    final CompletableFuture<List<ActivatedJob>> jobs = new CompletableFuture<>();
    engineThread.execute(
        () -> {
          if (rejected != null) {
            jobs.completeExceptionally(rejected);
          } else {
            activateOrPark(command, jobs);
          }
        });
    return jobs;
  }

  private void activateOrPark(ActivateJobs command, CompletableFuture<List<ActivatedJob>> jobs) {
    final List<ActivatedJob> activated = new ArrayList<>();
    while (activated.size() < command.maxJobsToActivate() && !activatableJobs.isEmpty()) {
      activated.add(activatableJobs.poll());
    }
    if (!activated.isEmpty() || command.requestTimeoutMillis() < 0) {
      jobs.complete(activated);
      return;
    }
    parkedPolls.add(jobs);
    timer.schedule(
        () ->
            engineThread.execute(
                () -> {
                  parkedPolls.remove(jobs);
                  jobs.complete(List.of());
                }),
        command.requestTimeoutMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public JobStreamHandle openJobStream(JobStreamRequest request, JobSink sink) {
    throw new UnsupportedOperationException("the REST gateway does not stream jobs");
  }

  @Override
  public CompletableFuture<Void> completeJob(long jobKey, Map<String, Object> variables, ListenerResult result) {
    return answer("completeJob", List.of(jobKey, variables), () -> null);
  }

  @Override
  public CompletableFuture<Void> failJob(FailJob command) {
    return answer("failJob", List.of(command), () -> null);
  }

  @Override
  public CompletableFuture<Void> throwError(ThrowError command) {
    return answer("throwError", List.of(command), () -> null);
  }

  @Override
  public CompletableFuture<Void> updateJobRetries(long jobKey, int retries) {
    return answer("updateJobRetries", List.of(jobKey, retries), () -> null);
  }

  @Override
  public CompletableFuture<Void> updateJobTimeout(long jobKey, long timeoutMillis) {
    return answer("updateJobTimeout", List.of(jobKey, timeoutMillis), () -> null);
  }

  @Override
  public CompletableFuture<MessagePublished> publishMessage(PublishMessage command) {
    return answer(
        "publishMessage",
        List.of(command),
        () -> new MessagePublished(2251799813685400L, command.tenantId()));
  }

  @Override
  public CompletableFuture<MessageCorrelated> correlateMessage(CorrelateMessage command) {
    return answer(
        "correlateMessage",
        List.of(command),
        () -> new MessageCorrelated(2251799813685400L, command.tenantId(), 2251799813685401L));
  }

  @Override
  public CompletableFuture<Long> setVariables(SetVariables command) {
    return answer("setVariables", List.of(command), () -> 2251799813685500L);
  }

  @Override
  public CompletableFuture<Long> broadcastSignal(BroadcastSignal command) {
    return answer("broadcastSignal", List.of(command), () -> 2251799813685600L);
  }

  @Override
  public CompletableFuture<Void> resolveIncident(long incidentKey) {
    return answer("resolveIncident", List.of(incidentKey), () -> null);
  }

  @Override
  public CompletableFuture<DecisionEvaluated> evaluateDecision(EvaluateDecision command) {
    return answer("evaluateDecision", List.of(command), () -> new DecisionEvaluated(
            2251799813685702L,
            new DeployedDecision("triage", "Triage", 1, 2251799813685700L, "rubric", 2251799813685701L,
                "Rubric", 1, "rubric.dmn", command.tenantId()),
            "standard",
            List.of(new EvaluatedInput("impact", "Business impact", "high")),
            List.of(new MatchedRule("rule-3", 3, List.of(new EvaluatedOutput("tier", "Tier", "standard"))))));
  }

  /** Rejects or answers the call on the engine thread. */
  private <T> CompletableFuture<T> answer(
      String method, List<Object> arguments, Supplier<T> result) {
    final Rejection rejected = record(method, arguments);
    final CompletableFuture<T> future = new CompletableFuture<>();
    if (silent) {
      return future;
    }
    engineThread.execute(
        () -> {
          if (rejected != null) {
            future.completeExceptionally(rejected);
          } else {
            future.complete(result.get());
          }
        });
    return future;
  }

  /**
   * Records the call and throws the configured rejection if it is to be thrown.
   *
   * @return the rejection to deliver as a failed future, or null
   */
  private Rejection record(String method, List<Object> arguments) {
    calls.add(new Call(method, arguments));
    final Rejection current = rejection;
    if (current != null && delivery == Delivery.THROWN) {
      throw current;
    }
    return current;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    engineThread.shutdownNow();
  }

  @Override
  public CompletableFuture<Void> assignUserTask(long userTaskKey, String assignee, boolean allowOverride, String action) {
    return answer("assignUserTask", List.of(userTaskKey, assignee, allowOverride, String.valueOf(action)), () -> null);
  }

  @Override
  public CompletableFuture<Void> updateUserTask(long userTaskKey, Map<String, Object> changes, String action) {
    return answer("updateUserTask", List.of(userTaskKey, changes, String.valueOf(action)), () -> null);
  }

  @Override
  public CompletableFuture<Void> completeUserTask(long userTaskKey, Map<String, Object> variables, String action) {
    return answer("completeUserTask", List.of(userTaskKey, variables, String.valueOf(action)), () -> null);
  }

  @Override
  public CompletableFuture<java.util.Optional<FormView>> form(long formKey) {
    return CompletableFuture.completedFuture(java.util.Optional.empty());
  }
}
