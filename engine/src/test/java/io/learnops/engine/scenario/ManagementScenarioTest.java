package io.learnops.engine.scenario;

import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The management port of the standalone engine, which runs on a data directory (as in production)
 * so that the journal's metrics are there too.
 */
class ManagementScenarioTest {

  @TempDir static Path dir;

  private static StandaloneEngineProcess engine;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startEngine() throws IOException {
    engine = new StandaloneEngineProcess(dir.resolve("data"), dir.resolve("engine.log"));
    engine.start();
  }

  @AfterAll
  static void stopEngine() throws InterruptedException {
    engine.close();
  }

  @Test
  void healthIsUp() throws Exception {
    final HttpResponse<String> health = get("/actuator/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void prometheusExposesZeebeAndEngineMetricsOfTheInstancesThatRan(Transport transport) throws Exception {
    final String id = "metered-" + transport;
    try (CamundaClient client = engine.connect(transport)) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(id).startEvent()
          .serviceTask("enrol", t -> t.zeebeJobType(id)).endEvent().done(), id + ".bpmn").send().join();
      for (int i = 0; i < 3; i++) {
        client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
        client.newCompleteCommand(activateOne(client, id).getKey()).send().join();
      }
    }

    await().untilAsserted(() -> assertThat(completedInstances()).isGreaterThanOrEqualTo(3));
    assertThat(get("/actuator/prometheus").body()).contains(
        "zeebe_executed_instances_total",
        "zeebe_element_instance_events_total",
        "zeebe_job_events_total",
        "learnops_engine_journal_commit_seconds",
        "learnops_engine_command_queue_depth");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void theStateSizeGaugesCountOpenJobsAndTheirElements(Transport transport) throws Exception {
    final String id = "waiting-" + transport;
    try (CamundaClient client = engine.connect(transport)) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(id).startEvent()
          .serviceTask("enrol", t -> t.zeebeJobType(id)).endEvent().done(), id + ".bpmn").send().join();
      client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
      client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
    }

    await().untilAsserted(() -> assertThat(stateEntries("jobs")).isGreaterThanOrEqualTo(2));
    assertThat(stateEntries("element_instances")).isGreaterThanOrEqualTo(4);
  }

  private double stateEntries(String kind) throws Exception {
    return get("/actuator/prometheus").body().lines()
        .filter(line -> line.startsWith("learnops_engine_state_entries{") && line.contains("kind=\"" + kind + "\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** The sample {@code zeebe_executed_instances_total{action="completed",...}}. */
  private double completedInstances() throws Exception {
    return get("/actuator/prometheus").body().lines()
        .filter(line -> line.startsWith("zeebe_executed_instances_total{") && line.contains("action=\"completed\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + engine.managementPort + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
