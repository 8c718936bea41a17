package io.learnops.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.learnops.engine.Engine;
import io.learnops.engine.EngineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the read model keeps: finished instances up to the retention, and after a restart what the
 * snapshot and the replayed journal hold.
 */
class ReadApiHistoryScenarioTest {

  private static final BpmnModelInstance STRAIGHT_THROUGH =
      Bpmn.createExecutableProcess("notice").startEvent().endEvent().done();
  private static final BpmnModelInstance WAITING = Bpmn.createExecutableProcess("course").startEvent()
      .serviceTask("teach", t -> t.zeebeJobType("history-teach")).endEvent().done();

  @TempDir Path dataDir;

  @Test
  void theOldestFinishedInstancesGoOnceTheRetentionIsFull() throws IOException {
    try (Engine engine = Engine.start(EngineConfig.forTests().withReadModelRetention(2));
        CamundaClient client = Transport.REST.connect(engine)) {
      // given
      deploy(client);
      final long running = start(client, "course", Map.of());

      // when
      final List<Long> finished = List.of(start(client, "notice", Map.of("n", 1)),
          start(client, "notice", Map.of("n", 2)), start(client, "notice", Map.of("n", 3)));

      // then
      assertNotFound(client, finished.get(0));
      assertThat(client.newVariableSearchRequest().filter(f -> f.processInstanceKey(finished.get(0))).send().join()
          .items()).isEmpty();
      assertThat(client.newProcessInstanceGetRequest(finished.get(2)).send().join().getState())
          .isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(client.newVariableSearchRequest().filter(f -> f.processInstanceKey(finished.get(1))).send().join()
          .items()).extracting(Variable::getValue).containsExactly("2");
      assertThat(client.newProcessInstanceGetRequest(running).send().join().getState())
          .isEqualTo(ProcessInstanceState.ACTIVE);
    }
  }

  @Test
  void aRestartRebuildsRunningInstancesFromTheSnapshotButNotEarlierHistory() throws IOException {
    // given
    final long running;
    final long finished;
    try (Engine engine = Engine.start(EngineConfig.forTests().withDataDir(dataDir));
        CamundaClient client = Transport.REST.connect(engine)) {
      deploy(client);
      running = start(client, "course", Map.of("learner", "ada"));
      finished = start(client, "notice", Map.of());
    }

    // when: a clean shutdown wrote a snapshot, so nothing is replayed
    try (Engine engine = Engine.start(EngineConfig.forTests().withDataDir(dataDir));
        CamundaClient client = Transport.REST.connect(engine)) {

      // then
      assertThat(client.newProcessInstanceGetRequest(running).send().join().getState())
          .isEqualTo(ProcessInstanceState.ACTIVE);
      assertThat(client.newVariableSearchRequest().filter(f -> f.processInstanceKey(running).name("learner"))
          .send().join().singleItem().getValue()).isEqualTo("\"ada\"");
      assertThat(client.newJobSearchRequest().filter(f -> f.processInstanceKey(running)).send().join().items())
          .hasSize(1);
      assertThat(client.newProcessDefinitionSearchRequest().send().join().items()).hasSize(2);
      assertNotFound(client, finished);
    }
  }

  @Test
  void aRestartReplaysTheJournalIntoTheReadModelIncludingHistory() throws Exception {
    final Path log = Files.createTempFile("engine-read-restart", ".log");
    try (StandaloneEngineProcess engine = new StandaloneEngineProcess(dataDir, log)) {
      // given
      engine.start();
      final long finished;
      try (CamundaClient client = engine.connect(Transport.REST)) {
        deploy(client);
        finished = start(client, "notice", Map.of("n", 7));
      }

      // when: no snapshot was written, so the whole journal is replayed
      engine.kill();
      engine.start();

      // then
      try (CamundaClient client = engine.connect(Transport.REST)) {
        assertThat(client.newProcessInstanceGetRequest(finished).send().join().getState())
            .isEqualTo(ProcessInstanceState.COMPLETED);
        assertThat(client.newVariableSearchRequest().filter(f -> f.processInstanceKey(finished)).send().join()
            .singleItem().getValue()).isEqualTo("7");
      }
    }
  }

  private static void deploy(CamundaClient client) {
    client.newDeployResourceCommand().addProcessModel(STRAIGHT_THROUGH, "notice.bpmn")
        .addProcessModel(WAITING, "course.bpmn").send().join();
  }

  private static long start(CamundaClient client, String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
        .send().join().getProcessInstanceKey();
  }

  private static void assertNotFound(CamundaClient client, long processInstanceKey) {
    assertThatThrownBy(() -> client.newProcessInstanceGetRequest(processInstanceKey).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));
  }
}
