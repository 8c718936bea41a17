package io.learnops.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.engine.Engine;
import io.learnops.engine.EngineConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reported load in small: a durable engine that snapshots every few dozen journal entries,
 * creates kept in flight, and a worker (streaming over gRPC, polling over REST) that completes
 * every job without waiting. Every create and every completion must be answered, successfully.
 */
class AnswersUnderSnapshotsScenarioTest {

  private static final int INSTANCES = 600;

  @TempDir Path dataDir;
  private Engine engine;

  @BeforeEach
  void startDurableEngineThatSnapshotsOften() throws Exception {
    engine = Engine.start(EngineConfig.forTests().withDataDir(dataDir).withSnapshotEveryRecords(50));
  }

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void everyCreateAndEveryCompletionIsAnsweredWhileTheEngineTakesSnapshots(Transport transport) {
    final AtomicInteger createsAnswered = new AtomicInteger();
    final AtomicInteger completesAnswered = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    final Semaphore inFlight = new Semaphore(64);
    try (CamundaClient client = transport.connect(engine)) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("enrol").startEvent()
          .serviceTask("register", t -> t.zeebeJobType("register")).endEvent().done(), "enrol.bpmn").send().join();
      try (JobWorker worker = client.newWorker().jobType("register")
          .handler((jobClient, job) -> jobClient.newCompleteCommand(job).send()
              .whenComplete((ok, error) -> (error == null ? completesAnswered : errors).incrementAndGet()))
          .maxJobsActive(64)
          .streamEnabled(transport == Transport.GRPC)
          .open()) {
        for (int i = 0; i < INSTANCES; i++) {
          inFlight.acquireUninterruptibly();
          client.newCreateInstanceCommand().bpmnProcessId("enrol").latestVersion().send()
              .whenComplete((created, error) -> {
                inFlight.release();
                (error == null ? createsAnswered : errors).incrementAndGet();
              });
        }
        await().atMost(Duration.ofSeconds(60))
            .until(() -> completesAnswered.get() + errors.get() >= INSTANCES && createsAnswered.get() == INSTANCES);
      }
    }
    assertThat(errors).hasValue(0);
    assertThat(completesAnswered).hasValue(INSTANCES);
  }
}
