package io.learnops.engine.scenario;

import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Job push (StreamActivatedJobs) through the real engine. Streaming is a gRPC-only feature of the
 * client, so these scenarios run over gRPC alone.
 *
 * <p>Streaming workers here poll once an hour: the client polls besides streaming, and its first
 * poll waits one poll interval, so every job such a worker handles within a test was pushed.
 */
class JobStreamingScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  private static final Duration NEVER_POLL = Duration.ofHours(1);
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(1);

  /** One service task whose job type is the process id. */
  private static BpmnModelInstance enrolment(String id) {
    return Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("enrol", t -> t.zeebeJobType(id)).endEvent().done();
  }

  @Test
  void aStreamingWorkerGetsJobsPushedAndCompletesTwoHundredInstances() {
    final CamundaClient client = ENGINE.client(Transport.GRPC);
    final String id = "stream-enrolment";
    ENGINE.deploy(Transport.GRPC, enrolment(id));
    final Queue<Long> handled = new ConcurrentLinkedQueue<>();

    try (JobWorker worker = streamingWorker(client, id, (jobClient, job) -> {
      jobClient.newCompleteCommand(job).send().join();
      handled.add(job.getKey());
    })) {
      final List<Long> instances = start(client, id, 200);

      await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == 200);
      assertThat(handled).doesNotHaveDuplicates();
      await().until(() -> instances.stream().allMatch(ENGINE::isCompleted));
    }
  }

  @Test
  void afterTheStreamingWorkerClosesAPollingWorkerGetsTheRemainingJobs() {
    final CamundaClient client = ENGINE.client(Transport.GRPC);
    final String id = "stream-handover";
    ENGINE.deploy(Transport.GRPC, enrolment(id));
    final Queue<Long> completedByStream = new ConcurrentLinkedQueue<>();
    final Queue<Long> abandonedByStream = new ConcurrentLinkedQueue<>();
    final Queue<Long> completedByPolling = new ConcurrentLinkedQueue<>();

    // given a streaming worker that completes ten jobs and then stops working on the ones it gets
    final AtomicInteger received = new AtomicInteger();
    final JobWorker streaming = streamingWorker(client, id, (jobClient, job) -> {
      if (received.incrementAndGet() <= 10) {
        jobClient.newCompleteCommand(job).send().join();
        completedByStream.add(job.getKey());
      } else {
        abandonedByStream.add(job.getKey());
      }
    });
    final List<Long> instances = start(client, id, 20);
    await().until(() -> completedByStream.size() == 10 && abandonedByStream.size() == 10);

    // when it closes, more work arrives, and the abandoned jobs' timeout passes
    streaming.close();
    final List<Long> later = start(client, id, 10);
    ENGINE.advanceClock(JOB_TIMEOUT.plusMinutes(1));

    // then a polling worker opened now gets all that remains: the abandoned jobs and the new ones
    try (JobWorker polling = client.newWorker().jobType(id)
        .handler((jobClient, job) -> {
          jobClient.newCompleteCommand(job).send().join();
          completedByPolling.add(job.getKey());
        })
        .streamEnabled(false).timeout(Duration.ofMinutes(10)).open()) {
      await().until(() -> completedByPolling.size() == 20);
    }
    assertThat(completedByPolling).containsAll(abandonedByStream).doesNotContainAnyElementsOf(completedByStream);
    assertThat(instances).allMatch(ENGINE::isCompleted);
    assertThat(later).allMatch(ENGINE::isCompleted);
  }

  @Test
  void aJobPushedToAWorkerThatDisconnectedIsActivatableAgainOnceItsTimeoutPasses() {
    final String id = "stream-disconnect-holding";
    ENGINE.deploy(Transport.GRPC, enrolment(id));
    final Queue<ActivatedJob> pushed = new ConcurrentLinkedQueue<>();

    // given a streaming worker that received a job and then lost its connection
    try (CamundaClient departing = Transport.GRPC.connect(ENGINE.engine())) {
      streamingWorker(departing, id, (jobClient, job) -> pushed.add(job));
      start(ENGINE.client(Transport.GRPC), id, 1);
      await().until(() -> pushed.size() == 1);
    }

    // when the job's timeout passes, it is handed to another worker
    ENGINE.advanceClock(JOB_TIMEOUT.plusMinutes(1));
    assertThat(activateOne(ENGINE.client(Transport.GRPC), id).getKey()).isEqualTo(pushed.peek().getKey());
  }

  /**
   * Whether the engine drops the stream before the job exists or the push fails on the cancelled
   * call and the engine yields the job, the job must not wait for a timeout: the clock stands still.
   */
  @Test
  void aJobCreatedJustAfterTheStreamingWorkerDisconnectedIsActivatableAtOnce() {
    final CamundaClient client = ENGINE.client(Transport.GRPC);
    final String id = "stream-disconnect-before";
    ENGINE.deploy(Transport.GRPC, enrolment(id));
    final Queue<ActivatedJob> pushed = new ConcurrentLinkedQueue<>();

    // given a streaming worker whose stream is known to be open, as a first job reached it
    try (CamundaClient departing = Transport.GRPC.connect(ENGINE.engine())) {
      streamingWorker(departing, id, (jobClient, job) -> {
        jobClient.newCompleteCommand(job).send().join();
        pushed.add(job);
      });
      start(client, id, 1);
      await().until(() -> pushed.size() == 1);
    }

    // when a job is created the moment its connection is gone
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .send().join();

    // then another worker gets it without any time passing
    assertThat(activateOne(client, id).getProcessInstanceKey()).isEqualTo(instance.getProcessInstanceKey());
    assertThat(pushed).hasSize(1);
  }

  private static JobWorker streamingWorker(CamundaClient client, String type, JobHandler handler) {
    return client.newWorker().jobType(type).handler(handler)
        .streamEnabled(true).pollInterval(NEVER_POLL).timeout(JOB_TIMEOUT).open();
  }

  private static List<Long> start(CamundaClient client, String id, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send())
        .toList().stream()
        .map(future -> future.join().getProcessInstanceKey())
        .toList();
  }
}
