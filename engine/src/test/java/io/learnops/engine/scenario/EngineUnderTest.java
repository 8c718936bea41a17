package io.learnops.engine.scenario;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.learnops.engine.Engine;
import io.learnops.engine.EngineClock;
import io.learnops.engine.EngineConfig;
import io.learnops.engine.exporter.RecordingExporter;
import io.learnops.engine.record.Intent;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.state.EngineState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one in-memory engine per test class on free ports, with a controlled clock, and hands
 * out a real Camunda client per transport. Register with {@code @RegisterExtension static}.
 */
public final class EngineUnderTest implements BeforeAllCallback, AfterAllCallback {

  private final EngineClock clock = EngineClock.controlled(Instant.parse("2026-01-05T09:00:00Z"));
  private final RecordingExporter records = new RecordingExporter();
  private final Map<Transport, CamundaClient> clients = new EnumMap<>(Transport.class);
  private Engine engine;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    engine = Engine.start(EngineConfig.forTests().withClock(clock).withExporters(List.of(records)));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    clients.values().forEach(CamundaClient::close);
    clients.clear();
    engine.close();
  }

  public CamundaClient client(Transport transport) {
    return clients.computeIfAbsent(transport, t -> t.connect(engine));
  }

  public Engine engine() {
    return engine;
  }

  /**
   * Moves engine time forward as the clock API does (a journaled command): once this returns, the
   * timers, job deadlines and message TTLs the move made due have fired.
   */
  public void advanceClock(Duration duration) {
    engine.clockChanges().add(duration).join();
  }

  public <T> T read(Function<EngineState, T> query) {
    return engine.processor().read(query).join();
  }

  /** The record stream so far. */
  public RecordingExporter records() {
    return records;
  }

  public boolean hasRecord(Predicate<Record<?>> predicate) {
    return records.stream().anyMatch(predicate);
  }

  public boolean hasRecord(long key, Intent intent) {
    return records.contains(key, intent);
  }

  /** Whether an element of the instance reached the given lifecycle intent (e.g. ELEMENT_COMPLETED). */
  public boolean reached(long processInstanceKey, String elementId, ProcessInstanceIntent intent) {
    return records.reached(processInstanceKey, elementId, intent);
  }

  public boolean isCompleted(long processInstanceKey) {
    return records.contains(processInstanceKey, ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  public boolean isTerminated(long processInstanceKey) {
    return records.contains(processInstanceKey, ProcessInstanceIntent.ELEMENT_TERMINATED);
  }

  /** Deploys models through the client, as a user would. */
  public void deploy(Transport transport, BpmnModelInstance... models) {
    var command = client(transport).newDeployResourceCommand()
        .addProcessModel(models[0], models[0].getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)
            .iterator().next().getId() + ".bpmn");
    for (int i = 1; i < models.length; i++) {
      command = command.addProcessModel(models[i], "model-" + i + ".bpmn");
    }
    command.send().join();
  }
}
