package io.learnops.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Incident;
import io.learnops.app.tasks.ProgramInstances;
import io.learnops.engine.Engine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Takes programs through the lifecycle the way the README walkthrough does: the program API,
 * the open tasks of a program, Camunda's user task API on the engine's REST port, the engine's
 * clock endpoint and the sandbox's admin endpoints. Scenarios share one app, so everything here
 * is scoped to one program.
 */
public final class ProgramJourney {

  public static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
      new ParameterizedTypeReference<>() {};
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final TestRestTemplate app;
  private final CamundaClient client;
  private final RestClient engineRest;
  private final RestClient management;
  private final ProgramInstances instances;

  public ProgramJourney(TestRestTemplate app, CamundaClient client, Engine engine, ProgramInstances instances) {
    this.app = app;
    this.client = client;
    this.instances = instances;
    this.engineRest = RestClient.create("http://localhost:" + engine.restPort());
    this.management = RestClient.create("http://localhost:" + engine.managementPort());
  }

  /** Posts an intake request; returns the new program's id. */
  public String request(Map<String, Object> request) {
    final ResponseEntity<Map<String, Object>> created =
        app.exchange("/api/programs", HttpMethod.POST, new HttpEntity<>(request), JSON);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) created.getBody().get("id");
  }

  public Map<String, Object> detail(String programId) {
    return app.exchange("/api/programs/" + programId, HttpMethod.GET, null, JSON).getBody();
  }

  public Map<String, Object> awaitDetail(String programId, Predicate<Map<String, Object>> condition) {
    return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
        .until(() -> detail(programId), condition);
  }

  /** Waits until the program is in {@code stage} (the stage's element id; any case). */
  public Map<String, Object> awaitStage(String programId, String stage) {
    return awaitDetail(programId, d -> stage.equalsIgnoreCase(String.valueOf(d.get("currentStage"))));
  }

  public List<Map<String, Object>> openTasks(String programId) {
    return getList("/api/programs/" + programId + "/tasks");
  }

  /** Waits until the program is at {@code elementId} (GET /api/programs/{id}/activity); returns that step. */
  public Map<String, Object> awaitStep(String programId, String elementId) {
    return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
        .until(() -> getList("/api/programs/" + programId + "/activity").stream()
            .filter(step -> elementId.equals(step.get("elementId"))).findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  public List<Map<String, Object>> getList(String path) {
    return app.exchange(path, HttpMethod.GET, null, JSON_LIST).getBody();
  }

  /** Waits until the program has {@code count} open tasks of {@code elementId}; returns them. */
  public List<Map<String, Object>> awaitTasks(String programId, String elementId, int count) {
    return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
        .until(() -> openTasks(programId).stream().filter(t -> elementId.equals(t.get("elementId"))).toList(),
            tasks -> tasks.size() == count);
  }

  public Map<String, Object> awaitTask(String programId, String elementId) {
    return awaitTasks(programId, elementId, 1).get(0);
  }

  /** Completes a user task with Camunda's user task API, as a person using Tasklist would. */
  public void complete(Map<String, Object> task, Map<String, Object> variables) {
    engineRest.post().uri("/v2/user-tasks/{key}/completion", key(task))
        .body(Map.of("variables", variables)).retrieve().toBodilessEntity();
  }

  /** Waits for the program's only open task of {@code elementId} and completes it. */
  public void completeTask(String programId, String elementId, Map<String, Object> variables) {
    complete(awaitTask(programId, elementId), variables);
  }

  /** A variable visible to a task, as the task's form sees it. */
  public JsonNode taskVariable(Map<String, Object> task, String name) {
    final JsonNode found = engineRest.post().uri("/v2/user-tasks/{key}/variables/search", key(task))
        .body(Map.of("filter", Map.of("name", name))).retrieve().body(JsonNode.class);
    return json(found.path("items").get(0).path("value").asText());
  }

  /**
   * A variable of the program's process instance or of a stage instance it is running, e.g. the
   * delivery stage's {@code courseId} before delivery ends.
   */
  public Optional<JsonNode> variable(String programId, String name) {
    for (final long instance : instances.activeFrom(programInstanceKey(programId))) {
      final var items = client.newVariableSearchRequest()
          .filter(f -> f.processInstanceKey(instance).name(name)).send().join().items();
      if (!items.isEmpty()) {
        return Optional.of(json(items.get(0).getValue()));
      }
    }
    return Optional.empty();
  }

  public JsonNode awaitVariable(String programId, String name) {
    return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
        .until(() -> variable(programId, name), Optional::isPresent).orElseThrow();
  }

  /** Open incidents of the program's instances. */
  public List<Incident> incidents(String programId) {
    final List<Incident> incidents = new ArrayList<>();
    for (final long instance : instances.activeFrom(programInstanceKey(programId))) {
      incidents.addAll(client.newIncidentSearchRequest()
          .filter(f -> f.processInstanceKey(instance).state(io.camunda.client.api.search.enums.IncidentState.ACTIVE))
          .send().join().items());
    }
    return incidents;
  }

  /** Moves the engine's time, as {@code POST :9600/actuator/clock/add} in the walkthrough. */
  public void moveClock(Duration by) {
    management.post().uri("/actuator/clock/add").body(Map.of("offsetMilli", by.toMillis()))
        .retrieve().toBodilessEntity();
  }

  public ResponseEntity<Map<String, Object>> post(String path, Object body) {
    return app.exchange(path, HttpMethod.POST, new HttpEntity<>(body), JSON);
  }

  public long programInstanceKey(String programId) {
    return ((Number) detail(programId).get("processInstanceKey")).longValue();
  }


  private static long key(Map<String, Object> task) {
    return ((Number) task.get("key")).longValue();
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("not JSON: " + text, e);
    }
  }
}
