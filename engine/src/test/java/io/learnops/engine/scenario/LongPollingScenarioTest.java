package io.learnops.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivateJobsResponse;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An activation that finds no job waits up to its request timeout for one. Timings are asserted
 * loosely: only that an answer comes well before the long poll would have run out.
 */
class LongPollingScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aWaitingActivationGetsAJobCreatedWhileItWaits(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "long-poll-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("enrol", t -> t.zeebeJobType(id)).endEvent().done());

    // given an activation waiting up to 5 s
    final long startedAt = System.nanoTime();
    final CompletableFuture<ActivateJobsResponse> waiting = client.newActivateJobsCommand().jobType(id)
        .maxJobsToActivate(1).requestTimeout(Duration.ofSeconds(5)).send().toCompletableFuture();

    // when an instance creates the job 300 ms later
    final CompletableFuture<ProcessInstanceEvent> created = CompletableFuture.supplyAsync(
        () -> client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join(),
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

    // then the waiting activation returns that job, long before its timeout
    final ActivateJobsResponse response = waiting.join();
    final Duration elapsed = Duration.ofNanos(System.nanoTime() - startedAt);
    assertThat(response.getJobs()).singleElement().extracting(ActivatedJob::getProcessInstanceKey)
        .isEqualTo(created.join().getProcessInstanceKey());
    assertThat(elapsed).isLessThan(Duration.ofSeconds(4));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anActivationWithAShortRequestTimeoutAndNoJobsReturnsEmpty(Transport transport) {
    final long startedAt = System.nanoTime();

    final ActivateJobsResponse response = ENGINE.client(transport).newActivateJobsCommand()
        .jobType("nothing-to-do-" + transport).maxJobsToActivate(5).requestTimeout(Duration.ofMillis(200))
        .send().join();

    assertThat(response.getJobs()).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(4));
  }
}
