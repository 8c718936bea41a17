package io.learnops.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.learnops.workers.ports.ReportStore;
import io.learnops.workers.ports.SurveyService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import io.learnops.app.support.WiredAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The app as shipped ({@link WiredAppTest}): the real workflows models (all of them, deployed at
 * start), the real workers and the sandbox, on the embedded engine.
 */
@WiredAppTest
class WiredIntakeScenarioTest {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired CamundaClient client;
  @Autowired SurveyService surveys;
  @Autowired ReportStore reports;

  @Test
  void aPostedProgramIsValidatedTriagedCheckedAndWaitsForTheOwnersDecision() {
    // given a compliance training request with a large audience
    final ResponseEntity<Map<String, Object>> created = http.exchange("/api/programs", HttpMethod.POST,
        new org.springframework.http.HttpEntity<>(Map.of("title", "GDPR refresher for customer support",
            "requester", "jane.doe@example.com", "businessUnit", "Customer Support", "audienceSize", 600,
            "budget", 12000.00, "compliance", true, "businessImpact", "high", "urgency", "high")), JSON);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    final String programId = (String) created.getBody().get("id");

    // when the workers run intake's validation, triage and duplicate check
    // then the L&D owner's decision task of this program waits in intake
    final UserTask task = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
        .until(() -> decisionTaskOf(programId), Optional::isPresent).orElseThrow();
    assertThat(task.getCandidateGroups()).containsExactly("ld-owner");
    assertThat(task.getPriority()).isEqualTo(80);

    // and the triage result is in the intake instance's variables: 3+3+3+3 = 12, tier 1
    final Map<String, String> variables = variables(task.getProcessInstanceKey());
    assertThat(variables.get("triage")).contains("\"priorityTier\":1").contains("\"triageScore\":12");
    assertThat(variables).containsKeys("duplicateOf", "similarPrograms");
    assertThat(variables.get("validationErrors")).isNull();

    // and nothing raised an incident in intake
    assertThat(client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(task.getProcessInstanceKey()))
        .send().join().items()).isEmpty();
  }

  @Test
  void surveyAnswersPostedToTheApiAreWhatL1ReadsAndTheReportIsServedWithItsMeasures() {
    // given a registered program with a reaction survey sent
    final String programId = (String) http.exchange("/api/programs", HttpMethod.POST,
        new org.springframework.http.HttpEntity<>(Map.of("title", "Negotiation basics", "requester", "kim@example.com",
            "businessUnit", "Sales", "audienceSize", 20, "budget", 3000)), JSON).getBody().get("id");
    final String surveyId = surveys.sendReactionSurvey(programId, 7L);

    // when two learners answer over the API
    assertThat(answer(programId, surveyId, "a@acme.example", 10).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(answer(programId, surveyId, "b@acme.example", 4).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    // then the L1 port reads both answers; an unknown survey is a 404
    assertThat(surveys.recommendationScores(surveyId)).containsExactly(10, 4);
    assertThat(answer(programId, "nope", "c@acme.example", 5).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // when a report is stored for it
    final String url = reports.store(programId, "text/markdown", ("| level | measure | value |\n|---|---|---|\n"
        + "| L1 reaction | learning NPS | 0.00 |\n| Phillips | ROI % | 25.50 |\n").getBytes(StandardCharsets.UTF_8));

    // then it is served at the returned URL and the detail shows its measures
    assertThat(url).isEqualTo("http://localhost:" + port + "/api/programs/" + programId + "/report");
    assertThat(http.getForObject(url, String.class)).contains("ROI %");
    final Map<String, Object> detail = http.exchange("/api/programs/" + programId, HttpMethod.GET, null, JSON).getBody();
    assertThat((List<Map<String, Object>>) detail.get("evaluationResults"))
        .extracting(r -> r.get("metric")).containsExactlyInAnyOrder("learningNps", "roiPercent");
  }

  private ResponseEntity<Map<String, Object>> answer(String programId, String surveyId, String respondent, int score) {
    return http.exchange("/api/programs/" + programId + "/surveys/" + surveyId + "/responses", HttpMethod.POST,
        new org.springframework.http.HttpEntity<>(Map.of("respondent", respondent, "recommendation", score)), JSON);
  }

  /** The DecideRequest task whose intake instance carries this programId. */
  private Optional<UserTask> decisionTaskOf(String programId) {
    return client.newUserTaskSearchRequest().send().join().items().stream()
        .filter(t -> "DecideRequest".equals(t.getElementId()))
        .filter(t -> ("\"" + programId + "\"").equals(variables(t.getProcessInstanceKey()).get("programId")))
        .findFirst();
  }

  private Map<String, String> variables(long processInstanceKey) {
    return client.newVariableSearchRequest().filter(f -> f.processInstanceKey(processInstanceKey))
        .send().join().items().stream()
        .filter(v -> v.getProcessInstanceKey() == processInstanceKey)
        .collect(Collectors.toMap(Variable::getName, v -> String.valueOf(v.getValue()), (a, b) -> b));
  }
}
