package io.learnops.engine.records;

import io.learnops.engine.bpmn.ProcessingFault;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.learnops.engine.EngineClock;
import io.learnops.engine.api.EngineApi;
import io.learnops.engine.exporter.ExporterDirector;
import io.learnops.engine.exporter.RecordingExporter;
import io.learnops.engine.processing.CommandProcessor;
import io.learnops.engine.processing.DurableLog;
import io.learnops.engine.processing.ProcessingApi;
import io.learnops.engine.record.Intent;
import io.learnops.engine.record.Record;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine's command processor in memory, without gateways or network: commands go straight to
 * {@link EngineApi}, and tests read what happened from the record stream. One engine per test
 * (register with {@code @RegisterExtension}); starting one takes a few milliseconds.
 */
final class EngineHarness implements BeforeEachCallback, AfterEachCallback {

  private final EngineClock clock = EngineClock.controlled(Instant.parse("2026-03-02T09:00:00Z"));
  private final RecordingExporter records = new RecordingExporter();
  private CommandProcessor processor;
  private EngineApi api;

  @Override
  public void beforeEach(ExtensionContext context) {
    records.clear();
    processor = new CommandProcessor(DurableLog.inMemory(), clock, 100_000,
        new ExporterDirector(List.of(records), new SimpleMeterRegistry()), ProcessingFault.NONE);
    api = new ProcessingApi(processor, () -> null, Duration.ofSeconds(1));
    try {
      processor.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    processor.close();
  }

  EngineApi api() {
    return api;
  }

  RecordingExporter records() {
    return records;
  }

  void deploy(BpmnModelInstance model) {
    api.deploy(new EngineApi.Deploy(List.of(new EngineApi.Resource("model.bpmn",
        Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8))), EngineApi.DEFAULT_TENANT)).join();
  }

  long create(String bpmnProcessId, Map<String, Object> variables) {
    return api.createProcessInstance(new EngineApi.CreateProcessInstance(bpmnProcessId,
        EngineApi.CreateProcessInstance.LATEST_VERSION, -1, variables, EngineApi.DEFAULT_TENANT)).join()
        .processInstanceKey();
  }

  /** Activates (at once, no long poll) and completes the first job of the type. */
  void completeJob(String type, Map<String, Object> variables) {
    final EngineApi.ActivatedJob job = api.activateJobs(new EngineApi.ActivateJobs(type, "harness", 60_000, 1,
        List.of(), -1, List.of())).join().get(0);
    api.completeJob(job.key(), variables, null).join();
  }

  /**
   * The intents of the records that match, in stream order. A command's records are exported
   * before it is answered, so they are all here once its future completed.
   */
  List<Intent> intentsOf(Predicate<Record<?>> filter) {
    return records.stream().filter(filter).map(Record::intent).toList();
  }
}
