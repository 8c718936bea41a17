package io.learnops.engine.scenario;

import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Engine time moved through the clock API is engine state: a standalone engine killed with
 * SIGKILL (no snapshot) or stopped cleanly (snapshot) comes back at the moved time, so the follow-up
 * timers a course team fast-forwarded to do not wait a second time.
 */
class DurableClockScenarioTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration THIRTY_DAYS = Duration.ofDays(30);

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(Transport.class)
  void movedEngineTimeSurvivesAKillAndACleanRestart(Transport transport) throws Exception {
    final Path log = Files.createTempFile("engine-clock-" + transport, ".log");
    try (StandaloneEngineProcess engine = new StandaloneEngineProcess(dataDir, log, "--clock-controlled")) {
      engine.start();
      final HttpCalls management = new HttpCalls(engine.managementPort);
      final Instant before = engineTime(management);
      final Instant followUpDue = before.plus(Duration.ofDays(20));
      try (CamundaClient client = engine.connect(transport)) {
        client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("follow-up").startEvent()
            .intermediateCatchEvent("wait").timerWithDateExpression("dueAt")
            .serviceTask("remind", t -> t.zeebeJobType("remind")).endEvent().done(), "follow-up.bpmn").send().join();
        startFollowUp(client, "before the move", followUpDue);

        final HttpResponse<String> moved = management.post("/actuator/clock/add",
            "{\"offsetMilli\": " + THIRTY_DAYS.toMillis() + "}");
        assertThat(moved.statusCode()).isEqualTo(200);
      }

      engine.kill();
      engine.start();

      assertThat(engineTime(management)).isAfterOrEqualTo(before.plus(THIRTY_DAYS));
      try (CamundaClient client = engine.connect(transport)) {
        // the move made the first follow-up due: it fired before the kill or right after the restart
        assertThat(activateOne(client, "remind").getVariablesAsMap()).containsEntry("learner", "before the move");
        // a follow-up due at the same date, in engine time already past, fires without waiting 20 days
        startFollowUp(client, "after the crash", followUpDue);
        assertThat(activateOne(client, "remind").getVariablesAsMap()).containsEntry("learner", "after the crash");
      }

      assertThat(engine.terminate()).isIn(0, 143);
      engine.start();

      assertThat(engineTime(management)).isAfterOrEqualTo(before.plus(THIRTY_DAYS));
      try (CamundaClient client = engine.connect(transport)) {
        startFollowUp(client, "after the clean restart", followUpDue);
        assertThat(activateOne(client, "remind").getVariablesAsMap())
            .containsEntry("learner", "after the clean restart");
      }
    }
  }

  private static void startFollowUp(CamundaClient client, String learner, Instant dueAt) {
    client.newCreateInstanceCommand().bpmnProcessId("follow-up").latestVersion()
        .variables(Map.of("learner", learner, "dueAt", dueAt.toString())).send().join();
  }

  private static Instant engineTime(HttpCalls management) throws IOException {
    return Instant.parse(JSON.readTree(management.get("/actuator/clock").body()).get("instant").asText());
  }
}
