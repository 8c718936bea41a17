package io.learnops.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.engine.Engine;
import io.learnops.engine.EngineConfig;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.EngineApi.ActivatedJob;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the engine hands jobs to streams that cannot take them: other workers get them at once. */
class JobStreamDeliveryTest {

  private Engine engine;
  private EngineApi api;

  @BeforeEach
  void startEngineWithAOneTaskProcess() throws Exception {
    engine = Engine.start(EngineConfig.forTests());
    api = engine.api();
    final String xml = Bpmn.convertToString(Bpmn.createExecutableProcess("pay").startEvent()
        .serviceTask("charge", t -> t.zeebeJobType("charge")).endEvent().done());
    api.deploy(new EngineApi.Deploy(
        List.of(new EngineApi.Resource("pay.bpmn", xml.getBytes(StandardCharsets.UTF_8))), EngineApi.DEFAULT_TENANT))
        .join();
  }

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  @Test
  void aStreamHeldBackByFlowControlGetsNoJobUntilItIsReadyAgain() {
    final Sink slow = new Sink(false, true);
    final EngineApi.JobStreamHandle handle = api.openJobStream(request("slow-worker"), slow);

    startInstance();
    // the job waits, activatable, instead of being pushed into a stream that cannot take it
    await().until(() -> engine.processor().read(state -> state.hasActivatableJobs("charge")).join());
    assertThat(slow.pushed).isEmpty();

    slow.ready = true;
    handle.resume();

    await().untilAsserted(() -> assertThat(slow.pushed).hasSize(1));
  }

  @Test
  void aReadyStreamGetsTheJobsWhileAnotherIsHeldBackByFlowControl() {
    final Sink slow = new Sink(false, true);
    final Sink fast = new Sink(true, true);
    api.openJobStream(request("slow-worker"), slow);
    api.openJobStream(request("fast-worker"), fast);

    startInstance();
    startInstance();

    await().untilAsserted(() -> assertThat(fast.pushed).hasSize(2));
    assertThat(slow.pushed).isEmpty();
  }

  @Test
  void aJobRefusedByAStreamWhoseWorkerWentAwayGoesToAnotherWorkerAtOnce() {
    final Sink gone = new Sink(true, false);
    final Sink alive = new Sink(true, true);
    api.openJobStream(request("gone-worker"), gone);
    api.openJobStream(request("live-worker"), alive);

    startInstance();

    // the job timeout is five minutes: getting it now means it came back at once
    await().untilAsserted(() -> assertThat(alive.pushed).hasSize(1));
    assertThat(gone.refused).extracting(ActivatedJob::key).containsExactly(alive.pushed.get(0).key());
  }

  private void startInstance() {
    api.createProcessInstance(new EngineApi.CreateProcessInstance("pay", EngineApi.CreateProcessInstance.LATEST_VERSION,
        -1, Map.of(), EngineApi.DEFAULT_TENANT)).join();
  }

  private static EngineApi.JobStreamRequest request(String worker) {
    return new EngineApi.JobStreamRequest("charge", worker, 300_000, List.of(), List.of());
  }

  /** A client's stream: {@code ready} is its flow control, {@code accepting} whether it is still there. */
  private static final class Sink implements EngineApi.JobSink {
    final List<ActivatedJob> pushed = new CopyOnWriteArrayList<>();
    final List<ActivatedJob> refused = new CopyOnWriteArrayList<>();
    volatile boolean ready;
    private final boolean accepting;

    Sink(boolean ready, boolean accepting) {
      this.ready = ready;
      this.accepting = accepting;
    }

    @Override
    public boolean push(ActivatedJob job) {
      (accepting ? pushed : refused).add(job);
      return accepting;
    }

    @Override
    public boolean isReady() {
      return ready;
    }
  }
}
