package io.learnops.workers.process;

import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.learnops.engine.Engine;
import io.learnops.engine.EngineClock;
import io.learnops.engine.EngineConfig;
import io.learnops.engine.exporter.RecordingExporter;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.Intent.UserTaskIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.UserTaskValue;
import io.learnops.engine.record.ValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * One in-process engine and one WireMock for every process test class, so they share one Spring
 * context: the Camunda starter with the real workers, pointed at the engine, and the connectors
 * pointed at WireMock. Models are deployed from the workflows module's folder; a stage is called
 * from a small wrapper process whose last task ({@code test.capture}) hands the stage's outputs
 * to the test.
 */
@SpringBootTest(classes = WorkersTestApplication.class)
abstract class ProcessTestBase {

  static final Path WORKFLOWS = Path.of("..", "workflows");
  static final Duration WAIT = Duration.ofSeconds(60);
  static final RecordingExporter RECORDS = new RecordingExporter();
  /** The engine's clock: stands still unless a test moves it (timers). */
  static final EngineClock CLOCK = EngineClock.controlled(Instant.parse("2026-05-04T09:00:00Z"));
  static final Engine ENGINE = startEngine();
  static final WireMockServer SYSTEMS = startWireMock();

  @Autowired CamundaClient client;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("camunda.client.mode", () -> "self-managed");
    registry.add("camunda.client.grpc-address", () -> "http://localhost:" + ENGINE.grpcPort());
    registry.add("camunda.client.rest-address", () -> "http://localhost:" + ENGINE.restPort());
    registry.add("camunda.client.prefer-rest-over-grpc", () -> "false");
    registry.add("camunda.client.worker.defaults.poll-interval", () -> "50ms");
    registry.add("learnops.connectors.moodle.base-url", () -> SYSTEMS.baseUrl() + "/moodle");
    registry.add("learnops.connectors.scim.base-url", () -> SYSTEMS.baseUrl() + "/scim/v2");
    registry.add("learnops.connectors.vendor.base-url", () -> SYSTEMS.baseUrl() + "/vendor");
    registry.add("learnops.connectors.xapi.base-url", () -> SYSTEMS.baseUrl() + "/xapi");
  }

  private static Engine startEngine() {
    try {
      Engine engine = Engine.start(EngineConfig.forTests().withClock(CLOCK).withExporters(List.of(RECORDS)));
      Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
      return engine;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static WireMockServer startWireMock() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }

  @BeforeEach
  void resetSystemsAndRecords() {
    SYSTEMS.resetAll();
    RECORDS.clear();
  }

  /** Deploys model files from the workflows folder. */
  void deploy(String... files) {
    var command = client.newDeployResourceCommand()
        .addResourceFile(WORKFLOWS.resolve(files[0]).toString());
    for (int i = 1; i < files.length; i++) {
      command = command.addResourceFile(WORKFLOWS.resolve(files[i]).toString());
    }
    command.send().join();
  }

  /** A process {@code <stage>-under-test} calling the stage and capturing these outputs. */
  void deployWrapper(String stage, String... outputs) {
    String wrapper = stage + "-under-test";
    BpmnModelInstance model = Bpmn.createExecutableProcess(wrapper).startEvent()
        .callActivity("Stage", call -> {
          call.zeebeProcessId(stage).zeebePropagateAllChildVariables(false);
          for (String output : outputs) {
            call.zeebeOutputExpression(output, output);
          }
        })
        .serviceTask("Capture", task -> task.zeebeJobType("test.capture"))
        .endEvent().done();
    client.newDeployResourceCommand().addProcessModel(model, wrapper + ".bpmn").send().join();
  }

  long startWrapper(String stage, Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(stage + "-under-test").latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
  }

  /** The capture job of the wrapper instance, completed: its variables are the stage's outputs. */
  ActivatedJob awaitCapture(long instance) {
    List<ActivatedJob> found = new ArrayList<>();
    await().atMost(WAIT).until(() -> {
      for (ActivatedJob job : client.newActivateJobsCommand().jobType("test.capture")
          .maxJobsToActivate(5).requestTimeout(Duration.ofMillis(200)).send().join().getJobs()) {
        client.newCompleteCommand(job).send().join();
        if (job.getProcessInstanceKey() == instance) {
          found.add(job);
        }
      }
      return !found.isEmpty();
    });
    return found.get(0);
  }

  /** The key of the created user task of the element (from the engine's records). */
  static long awaitUserTask(String processId, String elementId) {
    return await().atMost(WAIT).until(() -> RECORDS.ofType(ValueType.USER_TASK, UserTaskValue.class)
        .filter(r -> r.intent() == UserTaskIntent.CREATED && processId.equals(r.value().bpmnProcessId())
            && elementId.equals(r.value().elementId()))
        .map(Record::key)
        .findFirst(), java.util.Optional::isPresent).orElseThrow();
  }

  static boolean reached(String processId, String elementId, ProcessInstanceIntent intent) {
    return RECORDS.processInstanceRecords().anyMatch(r -> r.intent() == intent
        && processId.equals(r.value().bpmnProcessId()) && elementId.equals(r.value().elementId()));
  }

  /** Ids of the completed elements of the stage, in order: the path taken. */
  static List<String> completed(String processId) {
    return RECORDS.processInstanceRecords().filter(r -> r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED
        && processId.equals(r.value().bpmnProcessId()))
        .map(r -> r.value().elementId()).toList();
  }
}
