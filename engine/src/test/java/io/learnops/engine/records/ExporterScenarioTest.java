package io.learnops.engine.records;

import io.learnops.engine.bpmn.ProcessingFault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.engine.EngineClock;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.exporter.Exporter;
import io.learnops.engine.exporter.ExporterDirector;
import io.learnops.engine.exporter.RecordingExporter;
import io.learnops.engine.processing.CommandProcessor;
import io.learnops.engine.processing.ProcessingApi;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.Record;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Exporters across restarts and failures: where they resume, and what they get again. */
class ExporterScenarioTest {

  private final EngineClock clock = EngineClock.controlled(Instant.parse("2026-03-02T09:00:00Z"));
  private final RetainedLog log = new RetainedLog();

  @Test
  void afterACrashTheRecordsSinceTheLastSnapshotComeAgainWithTheSamePositions() throws IOException {
    final RecordingExporter beforeCrash = new RecordingExporter();
    final CommandProcessor first = start(beforeCrash);
    runTwoInstances(first);
    log.crashOnClose();
    first.close();

    log.restart();
    final OpenedAt afterCrash = new OpenedAt();
    final CommandProcessor second = start(afterCrash);
    second.close();

    assertThat(afterCrash.position.get()).isZero();
    assertThat(afterCrash.records.records()).extracting(Record::position, Record::key, Record::intent)
        .isEqualTo(beforeCrash.stream().map(r -> tuple(r.position(), r.key(), r.intent()))
            .toList());
  }

  @Test
  void afterACleanStopAnExporterResumesAfterTheLastPositionAndGetsNothingTwice() throws IOException {
    final RecordingExporter firstLife = new RecordingExporter();
    final CommandProcessor first = start(firstLife);
    runTwoInstances(first);
    first.close();
    final long lastPosition = firstLife.records().get(firstLife.records().size() - 1).position();

    final OpenedAt secondLife = new OpenedAt();
    final CommandProcessor second = start(secondLife);
    api(second).createProcessInstance(new EngineApi.CreateProcessInstance("welcome", -1, -1, Map.of(),
        EngineApi.DEFAULT_TENANT)).join();
    second.close();

    assertThat(secondLife.position.get()).isEqualTo(lastPosition);
    assertThat(secondLife.records.records()).isNotEmpty()
        .allMatch(record -> record.position() > lastPosition);
    assertThat(secondLife.records.records().get(0).position()).isEqualTo(lastPosition + 1);
  }

  @Test
  void anExporterThatThrowsIsCountedAndTheOthersGoOn() throws IOException {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final RecordingExporter healthy = new RecordingExporter();
    final Exporter failing = new Exporter() {
      @Override
      public String id() {
        return "failing";
      }

      @Override
      public void export(Record<?> record) {
        throw new IllegalStateException("the warehouse is down");
      }
    };
    final CommandProcessor processor = new CommandProcessor(log, clock, 100_000,
        new ExporterDirector(List.of(failing, healthy), registry), ProcessingFault.NONE);
    processor.start();
    runTwoInstances(processor);
    processor.close();

    assertThat(healthy.stream().filter(r -> r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED)).isNotEmpty();
    assertThat(registry.get("learnops.engine.exporter.failures").tag("exporter", "failing").counter().count())
        .isEqualTo(healthy.records().size());
  }

  private CommandProcessor start(Exporter exporter) throws IOException {
    final CommandProcessor processor = new CommandProcessor(log, clock, 100_000,
        new ExporterDirector(List.of(exporter), new SimpleMeterRegistry()), ProcessingFault.NONE);
    processor.start();
    return processor;
  }

  private static EngineApi api(CommandProcessor processor) {
    return new ProcessingApi(processor, () -> null, Duration.ofSeconds(1));
  }

  private static void runTwoInstances(CommandProcessor processor) {
    final EngineApi api = api(processor);
    api.deploy(new EngineApi.Deploy(List.of(new EngineApi.Resource("welcome.bpmn", Bpmn.convertToString(
        Bpmn.createExecutableProcess("welcome").startEvent().endEvent().done()).getBytes(StandardCharsets.UTF_8))),
        EngineApi.DEFAULT_TENANT)).join();
    for (int i = 0; i < 2; i++) {
      api.createProcessInstance(new EngineApi.CreateProcessInstance("welcome", -1, -1, Map.of("n", i),
          EngineApi.DEFAULT_TENANT)).join();
    }
  }

  /** Records what it was opened with, and what it got after that. */
  private static final class OpenedAt implements Exporter {
    final AtomicLong position = new AtomicLong(-1);
    final RecordingExporter records = new RecordingExporter();

    @Override
    public void open(long lastExportedPosition) {
      position.set(lastExportedPosition);
    }

    @Override
    public void export(Record<?> record) {
      records.export(record);
    }
  }
}
