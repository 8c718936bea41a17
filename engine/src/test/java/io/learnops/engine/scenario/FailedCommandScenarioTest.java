package io.learnops.engine.scenario;

import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.engine.Engine;
import io.learnops.engine.EngineConfig;
import io.learnops.engine.bpmn.ProcessingFault;
import io.learnops.engine.exporter.RecordingExporter;
import io.learnops.engine.record.Intent.ErrorIntent;
import io.learnops.engine.record.Intent.JobIntent;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.RecordValue.ErrorValue;
import io.learnops.engine.record.RecordValue.JobValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A command whose processing fails unexpectedly midway (forced here through the test-only {@link
 * ProcessingFault} hook, after it already applied records) changes nothing: its caller hears an
 * internal error naming the command, the instance it worked on is banned, other instances go on,
 * and the engine restarts cleanly on its data.
 */
class FailedCommandScenarioTest {

  /** Fails the command that is about to create a job of type "publish", with what {@code failure} makes. */
  private static ProcessingFault failingAtPublish(RuntimeException failure) {
    return (intent, value) -> {
      if (intent == JobIntent.CREATED && value instanceof JobValue job && job.type().equals("publish")) {
        throw failure;
      }
    };
  }

  private static final ProcessingFault STACK_OVERFLOW_AT_PUBLISH = (intent, value) -> {
    if (intent == JobIntent.CREATED && value instanceof JobValue job && job.type().equals("publish")) {
      throw new StackOverflowError("forced by the test");
    }
  };

  @TempDir Path dataDir;
  @TempDir Path crashed;
  private final RecordingExporter records = new RecordingExporter();
  private Engine engine;
  private CamundaClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aCompletionThatFailsMidwayChangesNothingAndBansItsInstance(Transport transport) throws IOException {
    start(transport, failingAtPublish(new NullPointerException("forced by the test")));
    deployCourseReviewAndIntake();
    final long review = create("course-review");
    final ActivatedJob draft = activateOne(client, "draft");

    assertThatThrownBy(() -> client.newCompleteCommand(draft.getKey()).send().join())
        .satisfies(thrown -> assertThat(Errors.statusOf(thrown)).isEqualTo(Errors.Status.INTERNAL))
        .hasMessageContaining("Expected to process CompleteJob, but it failed unexpectedly (NullPointerException)")
        .hasMessageContaining("process instance " + review + " is banned");

    // nothing the completion did was kept: the draft task still waits for its job, publish never started
    assertThat(elementsOf(review)).containsExactly("course-review", "draft");
    assertThat(engine.processor().read(state -> state.jobs.containsKey(draft.getKey())).join()).isTrue();
    assertThat(records.stream().noneMatch(r -> r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED
        && r.key() == draft.getElementInstanceKey())).isTrue();
    await().until(() -> records.stream().anyMatch(r -> r.intent() == ErrorIntent.CREATED
        && ((ErrorValue) r.value()).processInstanceKey() == review));
    assertThat(new HttpCalls(engine.managementPort()).get("/actuator/prometheus").body())
        .contains("learnops_engine_banned_instances_total{partition=\"1\"} 1.0");

    // the banned instance takes no further command; the others go on
    assertThatThrownBy(() -> client.newCompleteCommand(draft.getKey()).send().join())
        .satisfies(thrown -> assertThat(Errors.statusOf(thrown)).isIn(Errors.Status.FAILED_PRECONDITION,
            Errors.Status.ALREADY_EXISTS))
        .hasMessageContaining("banned");
    final long intake = create("intake");
    client.newCompleteCommand(activateOne(client, "triage").getKey()).send().join();
    await().until(() -> isCompleted(intake));

    restart(transport);

    assertThat(elementsOf(review)).containsExactly("course-review", "draft");
    assertThat(engine.processor().read(state -> state.isBanned(review)).join()).isTrue();
    final long nextIntake = create("intake");
    client.newCompleteCommand(activateOne(client, "triage").getKey()).send().join();
    await().until(() -> isCompleted(nextIntake));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aStackOverflowWhileCreatingAnInstanceLeavesNoInstanceBehind(Transport transport) throws IOException {
    start(transport, STACK_OVERFLOW_AT_PUBLISH);
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("announce").startEvent()
        .serviceTask("publish", t -> t.zeebeJobType("publish")).endEvent().done(), "announce.bpmn").send().join();
    deployCourseReviewAndIntake();

    assertThatThrownBy(() -> create("announce"))
        .satisfies(thrown -> assertThat(Errors.statusOf(thrown)).isEqualTo(Errors.Status.INTERNAL))
        .hasMessageContaining("Expected to process CreateInstance, but it failed unexpectedly (StackOverflowError)");

    assertThat(engine.processor().read(state -> state.elementInstances.size()).join()).isZero();
    final long intake = create("intake");
    client.newCompleteCommand(activateOne(client, "triage").getKey()).send().join();
    await().until(() -> isCompleted(intake));

    restart(transport);
    assertThat(engine.processor().read(state -> state.elementInstances.size()).join()).isZero();
    assertThat(engine.processor().read(state -> state.bannedInstances).join()).isEmpty();
  }

  @Test
  void recoveryAppliesTheJournaledRecordsAndNeverProcessesAgain() throws IOException {
    start(Transport.GRPC, ProcessingFault.NONE);
    deployCourseReviewAndIntake();
    final long review = create("course-review");
    client.newCompleteCommand(activateOne(client, "draft").getKey()).send().join();
    // what a crash leaves: the acknowledged journal, and no snapshot taken at a clean stop
    copy(dataDir, crashed);
    client.close();
    engine.close();

    // an engine on which every record that processing writes fails still recovers the same state
    engine = Engine.start(EngineConfig.forTests().withDataDir(crashed).withProcessingFault((intent, value) -> {
      throw new IllegalStateException("processing ran during recovery: " + intent);
    }));
    assertThat(elementsOf(review)).containsExactly("course-review", "publish");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (final Path file : files.filter(Files::isRegularFile).toList()) {
        final Path target = to.resolve(from.relativize(file));
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  private void start(Transport transport, ProcessingFault fault) throws IOException {
    engine = Engine.start(config().withProcessingFault(fault));
    client = transport.connect(engine);
  }

  private void restart(Transport transport) throws IOException {
    client.close();
    engine.close();
    start(transport, ProcessingFault.NONE);
  }

  private EngineConfig config() {
    return EngineConfig.forTests().withDataDir(dataDir).withExporters(List.of(records));
  }

  private void deployCourseReviewAndIntake() {
    client.newDeployResourceCommand()
        .addProcessModel(Bpmn.createExecutableProcess("course-review").startEvent()
            .serviceTask("draft", t -> t.zeebeJobType("draft"))
            .serviceTask("publish", t -> t.zeebeJobType("publish")).endEvent().done(), "course-review.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess("intake").startEvent()
            .serviceTask("triage", t -> t.zeebeJobType("triage")).endEvent().done(), "intake.bpmn")
        .send().join();
  }

  private long create(String processId) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("course", "onboarding")).send().join().getProcessInstanceKey();
  }

  private List<String> elementsOf(long processInstanceKey) {
    return engine.processor().read(state -> state.elementInstances.values().stream()
        .filter(instance -> instance.processInstanceKey == processInstanceKey)
        .map(instance -> instance.elementId).toList()).join();
  }

  private boolean isCompleted(long processInstanceKey) {
    return records.contains(processInstanceKey, ProcessInstanceIntent.ELEMENT_COMPLETED);
  }
}
