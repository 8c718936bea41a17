package io.learnops.app.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.learnops.engine.Engine;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.learnops.app.support.EmbeddedEngineTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * The program API end to end on the embedded engine (free ports, a temporary data directory),
 * with a two-stage test double of the learning-program process from src/test/resources/models.
 */
@EmbeddedEngineTest
@TestPropertySource(properties = {
    "learnops.models.locations=classpath*:models/*.bpmn",
    "spring.datasource.url=jdbc:h2:mem:scenario;DB_CLOSE_DELAY=-1"
})
class ProgramLifecycleScenarioTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired CamundaClient client;
  @Autowired Engine engine;

  @Test
  void intakeStartsTheProcessAndTheDetailShowsTheStageHistory() {
    // given a valid intake request
    // when it is posted
    final ResponseEntity<Map<String, Object>> created = post(validRequest("Onboarding for new managers"));

    // then the program is registered and its process instance started
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    final String id = (String) created.getBody().get("id");
    assertThat(created.getHeaders().getLocation()).hasPath("/api/programs/" + id);
    assertThat(((Number) created.getBody().get("processInstanceKey")).longValue()).isPositive();

    // and the program enters the first stage
    awaitDetail(id, detail -> "intake".equals(detail.get("currentStage")));

    // when the intake stage's work is done
    completeStageWork(id);

    // then the program moves to design, with intake entered and left in its history
    final Map<String, Object> detail = awaitDetail(id, d -> "design".equals(d.get("currentStage")));
    final List<Map<String, Object>> stages = list(detail.get("stages"));
    assertThat(stages).extracting(s -> s.get("stage")).containsExactly("intake", "design");
    assertThat(stages.get(0)).containsKeys("enteredAt").extractingByKey("leftAt").isNotNull();
    assertThat(stages.get(1).get("leftAt")).isNull();
    assertThat(detail).containsEntry("status", "ACTIVE")
        .containsEntry("title", "Onboarding for new managers")
        .containsEntry("audienceSize", 40);

    // and the list shows it
    final ResponseEntity<List<Map<String, Object>>> all =
        http.exchange("/api/programs", HttpMethod.GET, null, JSON_LIST);
    assertThat(all.getBody()).anySatisfy(p -> assertThat(p).containsEntry("id", id).containsEntry("currentStage", "design"));
  }

  @Test
  void invalidIntakeIsA400WithFieldErrors() {
    // given a request with a blank title, a negative audience and no budget
    final Map<String, Object> invalid = Map.of("title", " ", "requester", "jane@example.com",
        "businessUnit", "Sales", "audienceSize", -3);

    // when it is posted
    final ResponseEntity<Map<String, Object>> response = post(invalid);

    // then it is rejected with a problem detail naming each field
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(list(response.getBody().get("errors"))).extracting(e -> e.get("field"))
        .containsExactlyInAnyOrder("audienceSize", "budget", "title");
  }

  @Test
  void cancelEndsTheProgramAndTerminatesItsInstance() {
    // given a program in its first stage
    final Map<String, Object> created = post(validRequest("Negotiation skills")).getBody();
    final String id = (String) created.get("id");
    final long key = ((Number) created.get("processInstanceKey")).longValue();
    awaitDetail(id, detail -> "intake".equals(detail.get("currentStage")));

    // when it is canceled
    final ResponseEntity<Map<String, Object>> canceled = cancel(id);

    // then it is canceled and the engine no longer has its instance
    assertThat(canceled.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(canceled.getBody()).containsEntry("status", "CANCELED").containsEntry("currentStage", null);
    assertThat(http.exchange("/api/programs/" + id, HttpMethod.GET, null, JSON).getBody())
        .containsEntry("status", "CANCELED");
    assertThatThrownBy(() -> client.newCancelInstanceCommand(key).send().join())
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(404));

    // and a second cancel is a conflict
    assertThat(cancel(id).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aCompletedProgramCannotBeCanceled() {
    // given a program that went through both stages
    final String id = (String) post(validRequest("Excel basics")).getBody().get("id");
    awaitDetail(id, detail -> "intake".equals(detail.get("currentStage")));
    completeStageWork(id);
    awaitDetail(id, detail -> "design".equals(detail.get("currentStage")));
    completeStageWork(id);

    // when its process ended
    final Map<String, Object> detail = awaitDetail(id, d -> "COMPLETED".equals(d.get("status")));
    assertThat(list(detail.get("stages"))).allSatisfy(s -> assertThat(s.get("leftAt")).isNotNull());

    // then cancel is a conflict
    final ResponseEntity<Map<String, Object>> response = cancel(id);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(response.getBody()).containsEntry("title", "Program already finished");
  }

  @Test
  void embeddedModePointsTheClientAtTheEngineItStarted() {
    assertThat(client.getConfiguration().getGrpcAddress()).isEqualTo(URI.create("http://localhost:" + engine.grpcPort()));
    assertThat(client.getConfiguration().getRestAddress()).isEqualTo(URI.create("http://localhost:" + engine.restPort()));
    assertThat(client.newTopologyRequest().send().join().getGatewayVersion()).isEqualTo(Engine.VERSION);
  }

  @Test
  void unknownProgramIsA404() {
    final String unknown = "/api/programs/00000000-0000-0000-0000-000000000000";
    assertThat(http.exchange(unknown, HttpMethod.GET, null, JSON).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(http.exchange(unknown + "/cancel", HttpMethod.POST, null, JSON).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private static Map<String, Object> validRequest(String title) {
    return Map.of("title", title, "requester", "jane.doe@example.com", "businessUnit", "Operations",
        "audienceSize", 40, "budget", 12500.50, "compliance", false);
  }

  private ResponseEntity<Map<String, Object>> post(Map<String, Object> body) {
    return http.exchange("/api/programs", HttpMethod.POST, new org.springframework.http.HttpEntity<>(body), JSON);
  }

  private ResponseEntity<Map<String, Object>> cancel(String id) {
    return http.exchange("/api/programs/" + id + "/cancel", HttpMethod.POST, null, JSON);
  }

  private Map<String, Object> awaitDetail(String id, java.util.function.Predicate<Map<String, Object>> condition) {
    return await().atMost(Duration.ofSeconds(60))
        .until(() -> http.exchange("/api/programs/" + id, HttpMethod.GET, null, JSON).getBody(), condition);
  }

  /**
   * Completes the waiting stage job of one program. Other programs' jobs are activated only
   * briefly (short job timeout), so they are handed out again to the tests that wait for them.
   */
  private void completeStageWork(String programId) {
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      final List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType("test.stage.work")
          .maxJobsToActivate(10).timeout(Duration.ofMillis(200)).fetchVariables("programId")
          .requestTimeout(Duration.ofSeconds(1)).send().join().getJobs();
      final var mine = jobs.stream().filter(job -> programId.equals(job.getVariablesAsMap().get("programId"))).findFirst();
      mine.ifPresent(job -> client.newCompleteCommand(job).send().join());
      return mine.isPresent();
    });
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }
}
