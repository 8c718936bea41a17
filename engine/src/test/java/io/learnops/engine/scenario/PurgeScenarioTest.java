package io.learnops.engine.scenario;

import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.engine.Engine;
import io.learnops.engine.EngineConfig;
import io.learnops.engine.state.EngineState;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /actuator/cluster/purge}, which Camunda Process Test calls after every test: all
 * data goes, durably and from the read API too, and the topology reports the purge as the last
 * completed change.
 */
class PurgeScenarioTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aPurgeDeletesDeploymentsInstancesJobsMessagesAndIncidents() throws Exception {
    try (Engine engine = Engine.start(EngineConfig.forTests().withClockControlled(true));
        CamundaClient client = Transport.REST.connect(engine)) {
      final AtomicInteger purgesSeen = new AtomicInteger();
      engine.processor().addPurgeListener(purgesSeen::incrementAndGet);
      final long keyBefore = givenAnEngineWithSomethingOfEverything(client);

      final HttpResponse<String> purge = new HttpCalls(engine.managementPort())
          .post("/actuator/cluster/purge", "");

      assertThat(purge.statusCode()).isEqualTo(202);
      final long changeId = JSON.readTree(purge.body()).get("changeId").asLong();
      final JsonNode topology = JSON.readTree(new HttpCalls(engine.restPort()).get("/v2/topology").body());
      assertThat(topology.get("lastCompletedChangeId").asText()).isEqualTo(Long.toString(changeId));
      assertThat(purgesSeen).hasValue(1);
      assertThat(engine.processor().read(PurgeScenarioTest::isEmpty).join()).isTrue();
      assertThat(client.newProcessInstanceSearchRequest().send().join().items()).isEmpty();
      assertThat(client.newIncidentSearchRequest().send().join().items()).isEmpty();
      assertThat(Errors.statusOf(catchThrowable(() ->
          client.newCreateInstanceCommand().bpmnProcessId("enrolment").latestVersion().send().join())))
          .isEqualTo(Errors.Status.NOT_FOUND);
      // keys carry on, so a key a worker still holds never names something created after the purge
      assertThat(engine.processor().read(EngineState::nextKey).join()).isGreaterThan(keyBefore);
    }
  }

  @Test
  void onAnEngineThatIsNotATestEngineThePurgeDoesNotExist() throws Exception {
    try (Engine engine = Engine.start(EngineConfig.forTests());
        CamundaClient client = Transport.REST.connect(engine)) {
      givenAnEngineWithSomethingOfEverything(client);

      final HttpResponse<String> purge = new HttpCalls(engine.managementPort()).post("/actuator/cluster/purge", "");

      assertThat(purge.statusCode()).isEqualTo(404);
      assertThat(purge.body()).contains("only on a test engine");
      assertThat(engine.processor().read(PurgeScenarioTest::isEmpty).join()).isFalse();
    }
  }

  @Test
  void aRestartAfterAPurgeDoesNotBringTheDataBack() throws Exception {
    final EngineConfig onDisk = EngineConfig.forTests().withDataDir(dir.resolve("data"));
    try (Engine engine = Engine.start(onDisk); CamundaClient client = Transport.GRPC.connect(engine)) {
      givenAnEngineWithSomethingOfEverything(client);
      engine.purge().join();
    }

    try (Engine restarted = Engine.start(onDisk); CamundaClient client = Transport.REST.connect(restarted)) {
      assertThat(restarted.processor().read(PurgeScenarioTest::isEmpty).join()).isTrue();
      assertThat(client.newProcessDefinitionSearchRequest().send().join().items()).isEmpty();
    }
  }

  /** Deploys, starts an instance waiting at a job, buffers a message and raises an incident; the last key. */
  private static long givenAnEngineWithSomethingOfEverything(CamundaClient client) {
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("enrolment").startEvent()
        .serviceTask("enrol", t -> t.zeebeJobType("enrol")).endEvent().done(), "enrolment.bpmn").send().join();
    client.newCreateInstanceCommand().bpmnProcessId("enrolment").latestVersion().send().join();
    client.newCreateInstanceCommand().bpmnProcessId("enrolment").latestVersion().send().join();
    client.newFailCommand(activateOne(client, "enrol").getKey()).retries(0).errorMessage("LMS down").send().join();
    return client.newPublishMessageCommand().messageName("completed").correlationKey("learner-7")
        .timeToLive(Duration.ofHours(1)).send().join().getMessageKey();
  }

  private static boolean isEmpty(EngineState state) {
    return state.processDefinitions.isEmpty() && state.elementInstances.isEmpty() && state.jobs.isEmpty()
        && state.messages.isEmpty() && state.incidents.isEmpty() && state.variables.isEmpty()
        && state.timers.isEmpty() && state.subscriptions.isEmpty() && state.decisionDefinitions.isEmpty()
        && state.userTasks.isEmpty();
  }
}
