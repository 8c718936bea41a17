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
import io.learnops.engine.exporter.RecordingExporter;
import io.learnops.engine.journal.Snapshot;
import io.learnops.engine.journal.SnapshotStore;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots taken every few commands, then a restart: the state rebuilt from the newest snapshot
 * plus the journal after it carries on where it stopped, including multi-instance bodies, call
 * activities and event-subprocess triggers that were mid-way.
 */
class SnapshotRecoveryScenarioTest {

  @TempDir Path dataDir;

  @Test
  void aProgramHalfWayThroughCarriesOnAfterARestartFromSnapshots() throws Exception {
    final EngineConfig config = EngineConfig.forTests().withDataDir(dataDir).withSnapshotEveryRecords(5);
    final long programKey;
    final ActivatedJob firstQuote;
    try (Engine engine = Engine.start(config); CamundaClient client = Transport.REST.connect(engine)) {
      client.newDeployResourceCommand()
          .addProcessModel(Bpmn.createExecutableProcess("quotes").startEvent()
              .serviceTask("requestQuote", t -> t.zeebeJobType("quote")
                  .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("vendors").zeebeInputElement("vendor")
                      .zeebeOutputCollection("quotes").zeebeOutputElementExpression("price")))
              .endEvent().done(), "quotes.bpmn")
          .addProcessModel(Bpmn.createExecutableProcess("program").startEvent()
              .callActivity("design", c -> c.zeebeProcessId("quotes"))
              .endEvent().done(), "program.bpmn")
          .send().join();
      programKey = client.newCreateInstanceCommand().bpmnProcessId("program").latestVersion()
          .variables(Map.of("vendors", List.of("acme", "globex"))).send().join().getProcessInstanceKey();
      firstQuote = activateOne(client, "quote", Duration.ofSeconds(1));
      client.newCompleteCommand(firstQuote.getKey()).variables(Map.of("price", 100)).send().join();
    }

    try (var snapshots = Files.list(dataDir.resolve("snapshots"))) {
      assertThat(snapshots.count()).isPositive();
    }

    final RecordingExporter records = new RecordingExporter();
    try (Engine engine = Engine.start(config.withExporters(List.of(records)));
        CamundaClient client = Transport.REST.connect(engine)) {
      final ActivatedJob secondQuote = activateOne(client, "quote", Duration.ofSeconds(1));
      assertThat(secondQuote.getKey()).isNotEqualTo(firstQuote.getKey());
      client.newCompleteCommand(secondQuote.getKey()).variables(Map.of("price", 200)).send().join();

      await().until(() -> records.contains(programKey, ProcessInstanceIntent.ELEMENT_COMPLETED));
    }
  }

  /**
   * Earlier engines wrote snapshots as JSON without a header. Such a snapshot is refused by name,
   * and the engine starts no further: it writes nothing, so the snapshot and journal stay as they were.
   */
  @Test
  void aSnapshotInTheJsonFormatOfEarlierEnginesStopsTheStartNamingItAndChangesNoFile() throws Exception {
    final EngineConfig config = EngineConfig.forTests().withDataDir(dataDir);
    try (Engine engine = Engine.start(config); CamundaClient client = Transport.REST.connect(engine)) {
      client.newDeployResourceCommand()
          .addProcessModel(Bpmn.createExecutableProcess("quotes").startEvent().endEvent().done(), "quotes.bpmn")
          .send().join();
    }
    final SnapshotStore snapshots = SnapshotStore.open(dataDir.resolve("snapshots"));
    final long position = snapshots.latest().orElseThrow().position();
    snapshots.write(new Snapshot(position, "{\"keyCounter\":2,\"recordPosition\":3}".getBytes(StandardCharsets.UTF_8)));
    final Map<Path, byte[]> before = contentsOf(dataDir);

    assertThatThrownBy(() -> Engine.start(config))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContainingAll("The snapshot at position " + position + " was written in format 1 (JSON",
            "this engine reads format 2", "Start on an empty data directory");
    assertThat(contentsOf(dataDir))
        .containsOnlyKeys(before.keySet())
        .allSatisfy((file, bytes) -> assertThat(bytes).as(file.toString()).isEqualTo(before.get(file)));
  }

  private static Map<Path, byte[]> contentsOf(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).collect(Collectors.toMap(Function.identity(), file -> {
        try {
          return Files.readAllBytes(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
    }
  }
}
