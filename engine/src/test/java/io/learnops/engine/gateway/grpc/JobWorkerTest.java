package io.learnops.engine.gateway.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ActivateJobsResponse;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.learnops.engine.api.EngineApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class JobWorkerTest extends GatewayScenario {

  private final List<ActivatedJob> handled = new CopyOnWriteArrayList<>();

  /** Completes every job it gets with {@code charged: true}, as a typical worker would. */
  private final JobHandler chargeCard =
      (jobClient, job) -> {
        handled.add(job);
        jobClient.newCompleteCommand(job).variables(Map.of("charged", true)).send().join();
      };

  @Test
  void aPollingWorkerGetsTheJobWithEveryFieldAndCompletesIt() {
    engine.makeActivatable(job(2251799813685280L, "charge-card"));

    try (JobWorker worker =
        client
            .newWorker()
            .jobType("charge-card")
            .handler(chargeCard)
            .name("billing-worker")
            .timeout(Duration.ofMinutes(5))
            .maxJobsActive(8)
            .fetchVariables("amount")
            .requestTimeout(Duration.ofSeconds(20))
            .streamEnabled(false)
            .open()) {

      awaitACompletion();
    }

    final EngineApi.ActivateJobs poll = engine.lastReceived(EngineApi.ActivateJobs.class);
    assertThat(poll.type()).isEqualTo("charge-card");
    assertThat(poll.worker()).isEqualTo("billing-worker");
    assertThat(poll.timeoutMillis()).isEqualTo(300_000);
    assertThat(poll.maxJobsToActivate()).isEqualTo(8);
    assertThat(poll.fetchVariables()).containsExactly("amount");
    assertThat(poll.requestTimeoutMillis()).isEqualTo(20_000);
    assertThat(poll.tenantIds()).containsExactly(EngineApi.DEFAULT_TENANT);

    assertThat(handled).hasSize(1);
    final ActivatedJob job = handled.get(0);
    assertThat(job.getKey()).isEqualTo(2251799813685280L);
    assertThat(job.getType()).isEqualTo("charge-card");
    assertThat(job.getProcessInstanceKey()).isEqualTo(2251799813685260L);
    assertThat(job.getBpmnProcessId()).isEqualTo("order");
    assertThat(job.getProcessDefinitionVersion()).isEqualTo(3);
    assertThat(job.getProcessDefinitionKey()).isEqualTo(2251799813685249L);
    assertThat(job.getElementId()).isEqualTo("charge-card");
    assertThat(job.getElementInstanceKey()).isEqualTo(2251799813685270L);
    assertThat(job.getCustomHeaders()).containsExactlyEntriesOf(Map.of("channel", "web"));
    assertThat(job.getWorker()).isEqualTo("billing-worker");
    assertThat(job.getRetries()).isEqualTo(3);
    assertThat(job.getDeadline()).isEqualTo(1_767_225_600_000L);
    assertThat(job.getVariablesAsMap()).containsExactlyEntriesOf(Map.of("amount", 42));
    assertThat(job.getTenantId()).isEqualTo(EngineApi.DEFAULT_TENANT);
    assertThat(job.getKind()).isEqualTo(JobKind.BPMN_ELEMENT);
    assertThat(job.getListenerEventType()).isEqualTo(ListenerEventType.UNSPECIFIED);

    final FakeEngine.CompleteJob completion = engine.lastReceived(FakeEngine.CompleteJob.class);
    assertThat(completion.jobKey()).isEqualTo(2251799813685280L);
    assertThat(completion.variables()).containsExactlyEntriesOf(Map.of("charged", true));
  }

  @Test
  void aStreamingWorkerGetsPushedJobsAndCompletesThem() {
    try (JobWorker worker =
        client
            .newWorker()
            .jobType("charge-card")
            .handler(chargeCard)
            .name("billing-worker")
            .timeout(Duration.ofMinutes(5))
            .fetchVariables("amount")
            .streamEnabled(true)
            .open()) {

      final FakeEngine.OpenStream stream = awaitOpenStream();
      assertThat(stream.request())
          .isEqualTo(
              new EngineApi.JobStreamRequest(
                  "charge-card",
                  "billing-worker",
                  300_000,
                  List.of("amount"),
                  List.of(EngineApi.DEFAULT_TENANT)));

      assertThat(stream.sink().push(job(2251799813685281L, "charge-card"))).isTrue();

      awaitACompletion();
    }
    assertThat(handled).extracting(ActivatedJob::getKey).containsExactly(2251799813685281L);
    assertThat(engine.lastReceived(FakeEngine.CompleteJob.class).jobKey())
        .isEqualTo(2251799813685281L);
  }

  @Test
  void closingAStreamingWorkerClosesTheEngineStreamAndRefusesLaterJobs() {
    final JobWorker worker =
        client
            .newWorker()
            .jobType("charge-card")
            .handler(chargeCard)
            .streamEnabled(true)
            .open();
    final FakeEngine.OpenStream stream = awaitOpenStream();

    worker.close();

    await().untilTrue(stream.closed());
    assertThat(stream.sink().push(job(2251799813685282L, "charge-card"))).isFalse();
  }

  @Test
  void listenerJobsKeepTheirKindAndEventType() {
    engine.makeActivatable(
        job(2251799813685283L, "audit", Map.of(), "EXECUTION_LISTENER", "START"));

    final ActivateJobsResponse response = activate("audit", 1).join();

    assertThat(response.getJobs()).hasSize(1);
    assertThat(response.getJobs().get(0).getKind()).isEqualTo(JobKind.EXECUTION_LISTENER);
    assertThat(response.getJobs().get(0).getListenerEventType())
        .isEqualTo(ListenerEventType.START);
  }

  @Test
  void activatingWhenNoJobIsActivatableAnswersWithNoJobs() {
    assertThat(activate("charge-card", 10).join().getJobs()).isEmpty();
  }

  @Test
  void jobsTooLargeForOneResponseArriveInSeveral() {
    // The client refuses messages over 5 MiB; three jobs of 2 MiB only fit in separate responses.
    final String twoMiB = "x".repeat(2 * 1024 * 1024);
    for (long key = 1; key <= 3; key++) {
      engine.makeActivatable(
          job(key, "archive", Map.of("document", twoMiB), "BPMN_ELEMENT", "UNSPECIFIED"));
    }

    final ActivateJobsResponse response = activate("archive", 3).join();

    assertThat(response.getJobs()).extracting(ActivatedJob::getKey).containsExactly(1L, 2L, 3L);
  }

  @Test
  void aLongPollAnswersOnceTheEngineActivatesAJob() {
    engine.parkActivations();
    final CamundaFuture<ActivateJobsResponse> poll = activate("charge-card", 10);
    final CompletableFuture<List<EngineApi.ActivatedJob>> parked = awaitParkedActivation();

    parked.complete(List.of(job(2251799813685284L, "charge-card")));

    assertThat(poll.join().getJobs())
        .extracting(ActivatedJob::getKey)
        .containsExactly(2251799813685284L);
  }

  @Test
  void aClientGivingUpOnALongPollTellsTheEngineNobodyWaitsForItsJobs() {
    engine.parkActivations();
    final CamundaFuture<ActivateJobsResponse> poll = activate("charge-card", 10);
    final CompletableFuture<List<EngineApi.ActivatedJob>> parked = awaitParkedActivation();

    poll.cancel(true);

    await().until(parked::isCancelled);
    // This is how the engine learns that the jobs it activated never reached a worker.
    assertThat(parked.complete(List.of(job(2251799813685285L, "charge-card")))).isFalse();
  }

  private CamundaFuture<ActivateJobsResponse> activate(final String type, final int max) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(max)
        .workerName("test")
        .requestTimeout(Duration.ofSeconds(30))
        .send();
  }

  private void awaitACompletion() {
    await()
        .until(() -> engine.received.stream().anyMatch(FakeEngine.CompleteJob.class::isInstance));
  }

  private FakeEngine.OpenStream awaitOpenStream() {
    await().until(() -> !engine.streams.isEmpty());
    return engine.streams.get(0);
  }

  private CompletableFuture<List<EngineApi.ActivatedJob>> awaitParkedActivation() {
    await().until(() -> !engine.parkedActivations.isEmpty());
    return engine.parkedActivations.get(0);
  }
}
