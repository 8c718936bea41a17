package io.learnops.engine.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.command.ProblemException;
import io.learnops.engine.api.Rejection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();
  private GatewayFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture = new GatewayFixture();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  static Stream<Arguments> rejections() {
    return Stream.of(FakeEngine.Delivery.values())
        .flatMap(
            delivery ->
                Stream.of(
                    Arguments.of(Rejection.Type.INVALID_ARGUMENT, 400, delivery),
                    Arguments.of(Rejection.Type.NOT_FOUND, 404, delivery),
                    Arguments.of(Rejection.Type.ALREADY_EXISTS, 409, delivery),
                    Arguments.of(Rejection.Type.INVALID_STATE, 409, delivery),
                    Arguments.of(Rejection.Type.DEADLINE_EXCEEDED, 504, delivery),
                    Arguments.of(Rejection.Type.UNAVAILABLE, 503, delivery)));
  }

  @ParameterizedTest(name = "{0} {2} reaches the client as {1}")
  @MethodSource("rejections")
  void engineRejectionReachesTheClientAsProblemWithMappedStatus(
      Rejection.Type type, int status, FakeEngine.Delivery delivery) {
    final String detail = "Expected process instance 2251799813685249 to be active (" + type + ")";
    fixture.engine.rejectAll(new Rejection(type, detail), delivery);

    final ProblemException problem =
        catchThrowableOfType(
            ProblemException.class,
            () -> fixture.client.newCancelInstanceCommand(2251799813685249L).send().join());

    assertThat(problem.code()).isEqualTo(status);
    assertThat(problem.details().getStatus()).isEqualTo(status);
    assertThat(problem.details().getTitle()).isEqualTo(type.name());
    assertThat(problem.details().getDetail()).isEqualTo(detail);
    assertThat(problem.details().getType()).isEqualTo(URI.create("about:blank"));
    assertThat(problem.details().getInstance())
        .isEqualTo(URI.create("/v2/process-instances/2251799813685249/cancellation"));
  }

  @Test
  void clientRetriesAnUnavailableEngineOnceBeforeReportingTheProblem() {
    fixture.engine.rejectAll(
        new Rejection(Rejection.Type.UNAVAILABLE, "engine is shutting down"),
        FakeEngine.Delivery.FAILED_FUTURE);

    final ProblemException problem =
        catchThrowableOfType(
            ProblemException.class,
            () -> fixture.client.newResolveIncidentCommand(2251799813685700L).send().join());

    assertThat(problem.code()).isEqualTo(503);
    // Apache HttpClient's default retry strategy repeats a 503, even for a POST
    assertThat(fixture.engine.calls("resolveIncident")).hasSize(2);
  }

  @Test
  void rejectedLongPollReachesTheClientAsProblem() {
    fixture.engine.rejectAll(
        Rejection.invalidArgument("Expected 'type' to be known"),
        FakeEngine.Delivery.FAILED_FUTURE);

    final ProblemException problem =
        catchThrowableOfType(
            ProblemException.class,
            () ->
                fixture
                    .client
                    .newActivateJobsCommand()
                    .jobType("x")
                    .maxJobsToActivate(1)
                    .send()
                    .join());

    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).isEqualTo("Expected 'type' to be known");
  }

  @Test
  void malformedJsonIsABadRequestProblem() throws Exception {
    final HttpResponse<String> response =
        post("/v2/process-instances", "{\"processDefinitionId\": ");

    assertProblem(response, 400, "INVALID_ARGUMENT", "not valid JSON");
    assertThat(fixture.engine.calls).isEmpty();
  }

  @Test
  void missingRequiredFieldIsABadRequestNamingTheField() throws Exception {
    final HttpResponse<String> response =
        post("/v2/jobs/activation", "{\"type\": \"x\", \"timeout\": 1000}");

    assertProblem(response, 400, "INVALID_ARGUMENT", "'maxJobsToActivate'");
  }

  @Test
  void variablesThatAreNotAnObjectAreABadRequestNamingTheField() throws Exception {
    final HttpResponse<String> response =
        post("/v2/jobs/2251799813685251/completion", "{\"variables\": [1, 2]}");

    assertProblem(response, 400, "INVALID_ARGUMENT", "'variables'");
    assertThat(fixture.engine.calls).isEmpty();
  }

  @Test
  void fieldOfTheWrongTypeIsABadRequestNamingTheField() throws Exception {
    final HttpResponse<String> response =
        patch("/v2/jobs/2251799813685251", "{\"changeset\": {\"retries\": \"many\"}}");

    assertProblem(response, 400, "INVALID_ARGUMENT", "'changeset.retries'");
  }

  @Test
  void nonNumericKeyIsABadRequestNamingTheField() throws Exception {
    final HttpResponse<String> response = post("/v2/incidents/abc/resolution", "{}");

    assertProblem(response, 400, "INVALID_ARGUMENT", "'incidentKey'");
  }

  @Test
  void nonNumericDefinitionKeyInTheBodyIsABadRequestNamingTheField() throws Exception {
    final HttpResponse<String> response =
        post("/v2/process-instances", "{\"processDefinitionKey\": \"twelve\"}");

    assertProblem(response, 400, "INVALID_ARGUMENT", "'processDefinitionKey'");
  }

  @Test
  void unknownPathIsANotFoundProblem() throws Exception {
    final HttpResponse<String> response = post("/v2/process-instances/1/modification", "{}");

    assertProblem(response, 404, "NOT_FOUND", "/v2/process-instances/1/modification");
  }

  @Test
  void unsupportedMethodIsAMethodNotAllowedProblemNamingTheMethod() throws Exception {
    final HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/v2/topology")).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());

    assertProblem(response, 405, "METHOD_NOT_ALLOWED", "DELETE");
    assertThat(response.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void deploymentThatIsNotMultipartIsABadRequest() throws Exception {
    final HttpResponse<String> response = post("/v2/deployments", "{}");

    assertProblem(response, 400, "INVALID_ARGUMENT", "multipart/form-data");
  }

  private void assertProblem(
      HttpResponse<String> response, int status, String title, String detailPart) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    final JsonNode problem = mapper.readTree(response.body());
    assertThat(problem.path("type").asText()).isEqualTo("about:blank");
    assertThat(problem.path("title").asText()).isEqualTo(title);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("detail").asText()).contains(detailPart);
    assertThat(problem.path("instance").asText()).isEqualTo(response.request().uri().getRawPath());
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return send("POST", path, json);
  }

  private HttpResponse<String> patch(String path, String json) throws Exception {
    return send("PATCH", path, json);
  }

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return fixture.baseUri().resolve(path);
  }
}
