package io.learnops.engine.scenario;

import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.engine.Engine;
import io.learnops.engine.EngineConfig;
import io.learnops.engine.exporter.RecordingExporter;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The clock API on the management port ({@code /actuator/clock}), which Camunda Process Test calls
 * to move time in a remote engine started with {@code --clock-controlled}.
 */
class ClockApiScenarioTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Engine engine;
  private static HttpCalls management;
  private static CamundaClient client;
  private static final RecordingExporter records = new RecordingExporter();

  @BeforeAll
  static void startControlledEngine() throws IOException {
    engine = Engine.start(EngineConfig.forTests().withClockControlled(true).withExporters(List.of(records)));
    management = new HttpCalls(engine.managementPort());
    client = Transport.REST.connect(engine);
  }

  @AfterEach
  void resetClock() {
    management.delete("/actuator/clock");
  }

  @AfterAll
  static void stopEngine() {
    client.close();
    engine.close();
  }

  @Test
  void addingAnOffsetFiresATimerThatBecameDue() {
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("reminder").startEvent()
        .intermediateCatchEvent("wait").timerWithDuration("PT1H").endEvent("reminded").done(), "reminder.bpmn")
        .send().join();
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId("reminder")
        .latestVersion().send().join();

    final HttpResponse<String> added = management.post("/actuator/clock/add", "{\"offsetMilli\": 3600000}");

    assertThat(added.statusCode()).isEqualTo(200);
    await().until(() -> records.reached(instance.getProcessInstanceKey(), "reminded", ProcessInstanceIntent.ELEMENT_COMPLETED));
  }

  @Test
  void addingAnOffsetTimesOutAnActivatedJob() {
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("grading").startEvent()
        .serviceTask("grade", t -> t.zeebeJobType("grade")).endEvent().done(), "grading.bpmn").send().join();
    client.newCreateInstanceCommand().bpmnProcessId("grading").latestVersion().send().join();
    final long jobKey = activateOne(client, "grade").getKey();

    management.post("/actuator/clock/add", "{\"offsetMilli\": " + Duration.ofMinutes(10).toMillis() + "}");

    await().until(() -> client.newActivateJobsCommand().jobType("grade").maxJobsToActivate(1)
        .timeout(Duration.ofMinutes(1)).requestTimeout(Duration.ofSeconds(2)).send().join().getJobs().stream().anyMatch(job -> job.getKey() == jobKey));
  }

  @Test
  void getPinAndResetAnswerTheEngineTime() throws Exception {
    final Instant pinned = Instant.parse("2030-01-01T08:00:00Z");

    final JsonNode afterPin = JSON.readTree(management.post("/actuator/clock/pin",
        "{\"epochMilli\": " + pinned.toEpochMilli() + "}").body());
    final JsonNode current = JSON.readTree(management.get("/actuator/clock").body());
    final JsonNode afterAdd = JSON.readTree(management.post("/actuator/clock/add", "{\"offsetMilli\": 1000}").body());
    final JsonNode afterReset = JSON.readTree(management.delete("/actuator/clock").body());

    assertThat(afterPin.get("epochMilli").asLong()).isEqualTo(pinned.toEpochMilli());
    assertThat(current.get("instant").asText()).isEqualTo("2030-01-01T08:00:00Z");
    assertThat(afterAdd.get("instant").asText()).isEqualTo("2030-01-01T08:00:01Z");
    assertThat(Instant.parse(afterReset.get("instant").asText())).isBefore(pinned);
  }

  @Test
  void aBodyThatIsNotAnOffsetIsABadRequest() {
    final HttpResponse<String> response = management.post("/actuator/clock/add", "{\"offsetMilli\": \"soon\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("offsetMilli");
  }

  @Test
  void anEngineWhoseClockIsNotControlledRefusesToMoveIt() throws IOException {
    try (Engine production = Engine.start(EngineConfig.forTests())) {
      final HttpCalls calls = new HttpCalls(production.managementPort());

      final HttpResponse<String> add = calls.post("/actuator/clock/add", "{\"offsetMilli\": 3600000}");

      assertThat(add.statusCode()).isEqualTo(403);
      assertThat(add.body()).contains("--clock-controlled");
      assertThat(calls.get("/actuator/clock").statusCode()).isEqualTo(403);
      assertThat(production.clock().offset()).isZero();
    }
  }
}
