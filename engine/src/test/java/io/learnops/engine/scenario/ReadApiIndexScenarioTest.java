package io.learnops.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.engine.Engine;
import io.learnops.engine.EngineConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Searches that the read model serves from an index answer over REST exactly as their twins that no
 * index can serve ({@code $like} without wildcards, a one-key range, {@code $notIn}), with the real
 * handlers' schemas: after tasks are reassigned and completed, jobs complete and fail, messages
 * correlate, and retention (3 finished instances) drops the oldest.
 */
class ReadApiIndexScenarioTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Engine engine;
  private static CamundaClient client;
  private static final List<Long> courses = new ArrayList<>();
  private static final List<Long> notices = new ArrayList<>();

  @BeforeAll
  static void runCoursesThroughTasksJobsAndMessages() throws Exception {
    engine = Engine.start(EngineConfig.forTests().withReadModelRetention(3));
    client = Transport.REST.connect(engine);
    client.newDeployResourceCommand()
        .addProcessModel(Bpmn.createExecutableProcess("index-course").startEvent()
            .userTask("review", t -> t.zeebeUserTask().zeebeAssignee("grace").zeebeCandidateGroups("tutors, admins"))
            .serviceTask("teach", t -> t.zeebeJobType("index-teach"))
            .intermediateCatchEvent("graded").message(m -> m.name("graded").zeebeCorrelationKeyExpression("learner"))
            .endEvent().done(), "index-course.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess("index-notice").startEvent().endEvent().done(),
            "index-notice.bpmn")
        .send().join();
    for (int i = 0; i < 6; i++) {
      courses.add(client.newCreateInstanceCommand().bpmnProcessId("index-course").latestVersion()
          .variables(Map.of("learner", "l-" + i)).send().join().getProcessInstanceKey());
    }
    client.newAssignUserTaskCommand(userTask(courses.get(0))).assignee("ada").send().join();
    client.newAssignUserTaskCommand(userTask(courses.get(1))).assignee("ada").send().join();
    for (int i = 0; i < 4; i++) {
      client.newCompleteUserTaskCommand(userTask(courses.get(i))).send().join();
    }
    final List<ActivatedJob> jobs = new ArrayList<>();
    await().until(() -> {
      jobs.addAll(client.newActivateJobsCommand().jobType("index-teach").maxJobsToActivate(4).send().join().getJobs());
      return jobs.size() == 4;
    });
    for (final ActivatedJob job : jobs) {
      final int course = courses.indexOf(job.getProcessInstanceKey());
      if (course == 0 || course == 2) {
        client.newCompleteCommand(job).send().join();
      } else if (course == 1) {
        client.newFailCommand(job).retries(0).errorMessage("no teacher").send().join();
      }
    }
    client.newPublishMessageCommand().messageName("graded").correlationKey("l-0").send().join();
    await().until(() -> search("process-instances", "{\"processInstanceKey\":\"" + courses.get(0)
        + "\",\"state\":\"COMPLETED\"}").path("page").path("totalItems").asInt() == 1);
    for (int i = 0; i < 5; i++) {
      notices.add(client.newCreateInstanceCommand().bpmnProcessId("index-notice").latestVersion()
          .variables(Map.of("n", i)).send().join().getProcessInstanceKey());
    }
  }

  @AfterAll
  static void stop() {
    client.close();
    engine.close();
  }

  @Test
  void jobsByTypeStateAndInstance() throws Exception {
    // the first course's job went with it (retention)
    assertSameAsTwin("jobs", "{\"type\":\"index-teach\"}", "{\"type\":{\"$like\":\"index-teach\"}}", 3);
    assertSameAsTwin("jobs", "{\"state\":\"FAILED\"}", "{\"state\":{\"$like\":\"FAILED\"}}", 1);
    assertSameAsTwin("jobs", "{\"state\":{\"$in\":[\"CREATED\",\"FAILED\"]},\"type\":{\"$eq\":\"index-teach\"}}",
        "{\"state\":{\"$notIn\":[\"COMPLETED\",\"CANCELED\",\"ERROR_THROWN\",\"TIMED_OUT\",\"RETRIES_UPDATED\"]},"
            + "\"type\":{\"$like\":\"index-teach\"}}", 2);
    assertSameAsTwin("jobs", keyIs("processInstanceKey", courses.get(1)), keyRange("processInstanceKey", courses.get(1)), 1);
  }

  @Test
  void userTasksByAssigneeCandidateGroupStateAndElement() throws Exception {
    assertSameAsTwin("user-tasks", "{\"assignee\":\"ada\"}", "{\"assignee\":{\"$like\":\"ada\"}}", 1);
    assertSameAsTwin("user-tasks", "{\"assignee\":\"grace\"}", "{\"assignee\":{\"$like\":\"grace\"}}", 4);
    assertSameAsTwin("user-tasks", "{\"candidateGroup\":\"tutors\"}", "{\"candidateGroup\":{\"$like\":\"tutors\"}}", 5);
    assertSameAsTwin("user-tasks", "{\"state\":\"COMPLETED\"}", "{\"state\":{\"$like\":\"COMPLETED\"}}", 3);
    assertSameAsTwin("user-tasks", "{\"elementId\":\"review\"," + keyIs("processInstanceKey", courses.get(4)).substring(1),
        "{\"elementId\":{\"$like\":\"review\"}," + keyRange("processInstanceKey", courses.get(4)).substring(1), 1);
  }

  @Test
  void elementInstancesByInstanceStateAndElementWithSortAndPaging() throws Exception {
    assertSameAsTwin("element-instances", "{\"state\":\"ACTIVE\"," + keyIs("processInstanceKey", courses.get(2)).substring(1),
        "{\"state\":{\"$like\":\"ACTIVE\"}," + keyRange("processInstanceKey", courses.get(2)).substring(1), 2);
    assertSameAsTwin("element-instances", "{\"state\":{\"$in\":[\"ACTIVE\",\"COMPLETED\"]}}",
        "{\"state\":{\"$neq\":\"TERMINATED\"}}", -1);
    final String sortAndPage = ",\"sort\":[{\"field\":\"processInstanceKey\",\"order\":\"DESC\"}],\"page\":{\"limit\":2}";
    final JsonNode first = assertSameAsTwin("element-instances", "{\"elementId\":\"teach\"}",
        "{\"elementId\":{\"$like\":\"teach\"}}", sortAndPage, 3);
    assertSameAsTwin("element-instances", "{\"elementId\":\"teach\"}", "{\"elementId\":{\"$like\":\"teach\"}}",
        sortAndPage.replace("\"limit\":2", "\"limit\":2,\"after\":\"" + first.path("page").path("endCursor").asText()
            + "\""), 3);
    // the first course finished first, so retention dropped it with all it had
    assertSameAsTwin("element-instances", keyIs("processInstanceKey", courses.get(0)),
        keyRange("processInstanceKey", courses.get(0)), 0);
  }

  @Test
  void variablesProcessInstancesIncidentsAndSubscriptions() throws Exception {
    assertSameAsTwin("variables", keyIs("processInstanceKey", courses.get(3)), keyRange("processInstanceKey", courses.get(3)), 1);
    assertSameAsTwin("variables", keyIs("scopeKey", courses.get(3)), keyRange("scopeKey", courses.get(3)), 1);
    assertSameAsTwin("variables", "{\"name\":\"learner\"}", "{\"name\":{\"$like\":\"learner\"}}", 5);
    assertSameAsTwin("variables", keyIs("processInstanceKey", notices.get(0)), keyRange("processInstanceKey", notices.get(0)), 0);
    assertSameAsTwin("process-instances", "{\"state\":\"ACTIVE\"}", "{\"state\":{\"$like\":\"ACTIVE\"}}", 5);
    assertSameAsTwin("process-instances", "{\"processDefinitionId\":\"index-notice\"}",
        "{\"processDefinitionId\":{\"$like\":\"index-notice\"}}", 3);
    assertSameAsTwin("process-instances", keyIs("processInstanceKey", courses.get(5)), keyRange("processInstanceKey", courses.get(5)), 1);
    assertSameAsTwin("incidents", "{\"state\":\"ACTIVE\"}", "{\"state\":{\"$like\":\"ACTIVE\"}}", 1);
    assertSameAsTwin("incidents", keyIs("processInstanceKey", courses.get(1)), keyRange("processInstanceKey", courses.get(1)), 1);
    assertSameAsTwin("message-subscriptions", "{\"messageSubscriptionState\":\"CREATED\"}",
        "{\"messageSubscriptionState\":{\"$like\":\"CREATED\"}}", 1);
    assertSameAsTwin("message-subscriptions", "{\"messageSubscriptionState\":\"CORRELATED\"}",
        "{\"messageSubscriptionState\":{\"$like\":\"CORRELATED\"}}", 0);
  }

  private static JsonNode assertSameAsTwin(String resource, String indexed, String twin, int expectedTotal)
      throws Exception {
    return assertSameAsTwin(resource, indexed, twin, "", expectedTotal);
  }

  /** @param expectedTotal how many match, so that an empty answer on both sides passes only when meant; -1: any */
  private static JsonNode assertSameAsTwin(String resource, String indexed, String twin, String sortAndPage,
      int expectedTotal) throws Exception {
    final JsonNode served = search(resource, indexed, sortAndPage);
    assertThat(served).as(indexed).isEqualTo(search(resource, twin, sortAndPage));
    if (expectedTotal >= 0) {
      assertThat(served.path("page").path("totalItems").asInt()).as(indexed).isEqualTo(expectedTotal);
    }
    return served;
  }

  private static String keyIs(String field, long key) {
    return "{\"" + field + "\":\"" + key + "\"}";
  }

  private static String keyRange(String field, long key) {
    return "{\"" + field + "\":{\"$gte\":\"" + key + "\",\"$lte\":\"" + key + "\"}}";
  }

  private static long userTask(long processInstanceKey) throws Exception {
    await().until(() -> search("user-tasks", keyIs("processInstanceKey", processInstanceKey)).path("items").size() == 1);
    return search("user-tasks", keyIs("processInstanceKey", processInstanceKey)).path("items").get(0)
        .path("userTaskKey").asLong();
  }

  private static JsonNode search(String resource, String filter) throws Exception {
    return search(resource, filter, "");
  }

  private static JsonNode search(String resource, String filter, String sortAndPage) throws Exception {
    final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder()
            .uri(URI.create("http://localhost:" + engine.restPort() + "/v2/" + resource + "/search"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"filter\":" + filter + sortAndPage + "}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
