package io.learnops.engine.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ActivateJobsResponse;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.EngineApi.ActivateJobs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobEndpointsTest {

  private GatewayFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new GatewayFixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void workerPollsForAJobHandlesItAndCompletesIt() {
    final List<ActivatedJob> handled = new CopyOnWriteArrayList<>();
    fixture.engine.offerJob(FakeEngine.job(2251799813685251L, "charge-card"));

    try (JobWorker ignored =
        fixture
            .client
            .newWorker()
            .jobType("charge-card")
            .handler(
                (jobClient, job) -> {
                  handled.add(job);
                  jobClient
                      .newCompleteCommand(job)
                      .variables(Map.of("charged", true))
                      .send()
                      .join();
                })
            .name("payments")
            .open()) {

      await().until(() -> !fixture.engine.calls("completeJob").isEmpty());
    }

    final ActivateJobs poll = (ActivateJobs) fixture.engine.calls("activateJobs").get(0).argument();
    assertThat(poll.type()).isEqualTo("charge-card");
    assertThat(poll.worker()).isEqualTo("payments");
    assertThat(poll.tenantIds()).containsExactly(EngineApi.DEFAULT_TENANT);
    // the worker's defaults: client request timeout 10 s, job timeout 5 min, 32 jobs at a time
    assertThat(poll.requestTimeoutMillis()).isEqualTo(10_000);
    assertThat(poll.timeoutMillis()).isEqualTo(300_000);
    assertThat(poll.maxJobsToActivate()).isEqualTo(32);
    assertThat(poll.fetchVariables()).isEmpty();

    assertThat(handled)
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.getKey()).isEqualTo(2251799813685251L);
              assertThat(job.getType()).isEqualTo("charge-card");
              assertThat(job.getProcessInstanceKey()).isEqualTo(2251799813685249L);
              assertThat(job.getBpmnProcessId()).isEqualTo("order-process");
              assertThat(job.getProcessDefinitionVersion()).isEqualTo(3);
              assertThat(job.getProcessDefinitionKey()).isEqualTo(2251799813685248L);
              assertThat(job.getElementId()).isEqualTo("charge-card");
              assertThat(job.getElementInstanceKey()).isEqualTo(2251799813685250L);
              assertThat(job.getCustomHeaders()).containsEntry("priority", "high");
              assertThat(job.getRetries()).isEqualTo(3);
              assertThat(job.getDeadline()).isEqualTo(1_700_000_000_000L);
              assertThat(job.getVariablesAsMap()).containsEntry("orderId", "A-1");
              assertThat(job.getTenantId()).isEqualTo(EngineApi.DEFAULT_TENANT);
            });
    final FakeEngine.Call completion = fixture.engine.lastCall("completeJob");
    assertThat(completion.arguments()).containsExactly(2251799813685251L, Map.of("charged", true));
  }

  @Test
  void longPollWithoutJobsAnswersEmptyAfterTheRequestTimeout() {
    final long started = System.nanoTime();

    final ActivateJobsResponse response =
        fixture
            .client
            .newActivateJobsCommand()
            .jobType("nothing-here")
            .maxJobsToActivate(5)
            .workerName("idle-worker")
            .timeout(Duration.ofMinutes(1))
            .fetchVariables("a", "b")
            .requestTimeout(Duration.ofMillis(700))
            .send()
            .join();

    assertThat(response.getJobs()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(700));
    final ActivateJobs command = (ActivateJobs) fixture.engine.lastCall("activateJobs").argument();
    assertThat(command.requestTimeoutMillis()).isEqualTo(700);
    assertThat(command.maxJobsToActivate()).isEqualTo(5);
    assertThat(command.timeoutMillis()).isEqualTo(60_000);
    assertThat(command.fetchVariables()).containsExactly("a", "b");
  }

  @Test
  void parkedLongPollHoldsNoThreadAndIsAnsweredWhenAJobArrives() {
    // more parked polls than the gateway has threads
    final List<CamundaFuture<ActivateJobsResponse>> parkedPolls =
        IntStream.range(0, 40)
            .mapToObj(
                i ->
                    fixture
                        .client
                        .newActivateJobsCommand()
                        .jobType("later")
                        .maxJobsToActivate(1)
                        .requestTimeout(Duration.ofSeconds(5))
                        .send())
            .toList();
    await().until(() -> fixture.engine.calls("activateJobs").size() == 40);

    assertThat(fixture.client.newTopologyRequest().send().join().getClusterSize()).isEqualTo(1);

    fixture.engine.offerJob(FakeEngine.job(2251799813685260L, "later"));
    await()
        .until(
            () ->
                parkedPolls.stream()
                    .anyMatch(poll -> poll.isDone() && !poll.join().getJobs().isEmpty()));
  }

  @Test
  void failingAJobPassesRetriesBackoffMessageAndVariables() {
    fixture
        .client
        .newFailCommand(2251799813685251L)
        .retries(2)
        .retryBackoff(Duration.ofSeconds(30))
        .errorMessage("card declined")
        .variables(Map.of("attempt", 1))
        .send()
        .join();

    assertThat(fixture.engine.lastCall("failJob").argument())
        .isEqualTo(
            new EngineApi.FailJob(
                2251799813685251L, 2, "card declined", 30_000, Map.of("attempt", 1)));
  }

  @Test
  void throwingABpmnErrorPassesCodeMessageAndVariables() {
    fixture
        .client
        .newThrowErrorCommand(2251799813685251L)
        .errorCode("CARD_DECLINED")
        .errorMessage("declined by bank")
        .variables(Map.of("reason", "limit"))
        .send()
        .join();

    assertThat(fixture.engine.lastCall("throwError").argument())
        .isEqualTo(
            new EngineApi.ThrowError(
                2251799813685251L, "CARD_DECLINED", "declined by bank", Map.of("reason", "limit")));
  }

  @Test
  void updatingRetriesChangesOnlyRetries() {
    fixture.client.newUpdateRetriesCommand(2251799813685251L).retries(5).send().join();

    assertThat(fixture.engine.lastCall("updateJobRetries").arguments())
        .containsExactly(2251799813685251L, 5);
    assertThat(fixture.engine.calls("updateJobTimeout")).isEmpty();
  }

  @Test
  void updatingTheTimeoutChangesOnlyTheTimeout() {
    fixture
        .client
        .newUpdateTimeoutCommand(2251799813685251L)
        .timeout(Duration.ofMinutes(2))
        .send()
        .join();

    assertThat(fixture.engine.lastCall("updateJobTimeout").arguments())
        .containsExactly(2251799813685251L, 120_000L);
    assertThat(fixture.engine.calls("updateJobRetries")).isEmpty();
  }

  @Test
  void updatingBothRetriesAndTimeoutAppliesBoth() {
    fixture.client.newUpdateJobCommand(2251799813685251L).update(4, 90_000L).send().join();

    assertThat(fixture.engine.lastCall("updateJobRetries").arguments())
        .containsExactly(2251799813685251L, 4);
    assertThat(fixture.engine.lastCall("updateJobTimeout").arguments())
        .containsExactly(2251799813685251L, 90_000L);
  }
}
