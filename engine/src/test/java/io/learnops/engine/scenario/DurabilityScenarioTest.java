package io.learnops.engine.scenario;

import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills the standalone engine with SIGKILL and restarts it on the same data directory: every
 * acknowledged deployment, instance, job, message and timer must still be there.
 */
class DurabilityScenarioTest {

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(Transport.class)
  void nothingAcknowledgedIsLostWhenTheEngineIsKilled(Transport transport) throws Exception {
    final Path log = Files.createTempFile("engine-" + transport, ".log");
    try (StandaloneEngineProcess engine = new StandaloneEngineProcess(dataDir, log)) {
      engine.start();
      final ProcessInstanceEvent waitingForJob;
      final ProcessInstanceEvent waitingForMessage;
      final ProcessInstanceEvent waitingForTimer;
      final long activatedJobKey;
      try (CamundaClient client = engine.connect(transport)) {
        client.newDeployResourceCommand()
            .addProcessModel(Bpmn.createExecutableProcess("delivery").startEvent()
                .serviceTask("enrol", t -> t.zeebeJobType("enrol")).endEvent().done(), "delivery.bpmn")
            .addProcessModel(Bpmn.createExecutableProcess("evaluation").startEvent()
                .intermediateCatchEvent("surveyReturned")
                .message(m -> m.name("survey-returned").zeebeCorrelationKeyExpression("cohort"))
                .endEvent().done(), "evaluation.bpmn")
            .addProcessModel(Bpmn.createExecutableProcess("follow-up").startEvent()
                .intermediateCatchEvent("wait").timerWithDuration("PT3S").endEvent("followedUp").done(), "follow-up.bpmn")
            .send().join();
        waitingForJob = client.newCreateInstanceCommand().bpmnProcessId("delivery").latestVersion()
            .variables(Map.of("cohort", "c-1")).send().join();
        activatedJobKey = activateOne(client, "enrol", Duration.ofSeconds(3)).getKey();
        client.newCreateInstanceCommand().bpmnProcessId("delivery").latestVersion().send().join();
        waitingForMessage = client.newCreateInstanceCommand().bpmnProcessId("evaluation").latestVersion()
            .variables(Map.of("cohort", "c-1")).send().join();
        waitingForTimer = client.newCreateInstanceCommand().bpmnProcessId("follow-up").latestVersion().send().join();
        client.newPublishMessageCommand().messageName("survey-returned").correlationKey("c-2")
            .timeToLive(Duration.ofHours(1)).variables(Map.of("nps", 42)).send().join();
      }

      engine.kill();
      engine.start();

      try (CamundaClient client = engine.connect(transport)) {
        // the job activated before the kill comes back once its deadline has passed
        final ActivatedJob again = await().atMost(Duration.ofSeconds(20)).until(
            () -> client.newActivateJobsCommand().jobType("enrol").maxJobsToActivate(5).timeout(Duration.ofSeconds(1))
                .requestTimeout(Duration.ofSeconds(1)).send().join().getJobs().stream()
                .filter(j -> j.getKey() == activatedJobKey).findFirst(), java.util.Optional::isPresent).get();
        assertThat(again.getVariablesAsMap()).containsEntry("cohort", "c-1");
        client.newCompleteCommand(again.getKey()).send().join();

        // the waiting message subscription and the buffered message survived
        client.newPublishMessageCommand().messageName("survey-returned").correlationKey("c-1").send().join();
        final var buffered = client.newCreateInstanceCommand().bpmnProcessId("evaluation").latestVersion()
            .variables(Map.of("cohort", "c-2")).withResult().requestTimeout(Duration.ofSeconds(10)).send().join();
        assertThat(buffered.getVariablesAsMap()).containsEntry("nps", 42);

        // the deployment survived: a new instance starts, and the timer of the old one fires
        assertThat(client.newCreateInstanceCommand().bpmnProcessId("follow-up").latestVersion().send().join()
            .getVersion()).isEqualTo(1);
        assertThat(waitingForJob.getProcessInstanceKey()).isPositive();
        assertThat(waitingForMessage.getProcessInstanceKey()).isPositive();
        assertThat(waitingForTimer.getProcessInstanceKey()).isPositive();
      }

      assertThat(engine.terminate()).isIn(0, 143);
      engine.start();
      try (CamundaClient client = engine.connect(transport)) {
        // after a clean restart (from the shutdown snapshot) the second delivery job is still open
        assertThat(activateOne(client, "enrol").getBpmnProcessId()).isEqualTo("delivery");
      }
    }
  }
}
