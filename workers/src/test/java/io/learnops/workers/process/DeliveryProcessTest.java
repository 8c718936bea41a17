package io.learnops.workers.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The delivery stage on the in-process engine with the real workers (registered by the Camunda
 * starter from their {@code @JobWorker} annotations) against WireMock'd Moodle, SCIM and vendor.
 * {@code delivery.bpmn} is deployed from the workflows module's folder, called from a small
 * wrapper process whose last task hands the stage's outputs to the test.
 */
class DeliveryProcessTest extends ProcessTestBase {

  private static final String MOODLE = "/moodle/webservice/rest/server.php";

  @Autowired WorkersTestApplication.RecordingTaskTimings taskTimings;

  @BeforeEach
  void deployModels() {
    deploy("delivery.bpmn", "delivery-issue.form");
    deployWrapper("delivery", "courseId", "purchaseOrderId", "completionRate", "completedCount");
  }

  private static MappingBuilder moodle(String function) {
    return post(urlPathEqualTo(MOODLE)).withQueryParam("wsfunction", equalTo(function));
  }

  private static RequestPatternBuilder moodleCalled(String function) {
    return postRequestedFor(urlPathEqualTo(MOODLE)).withQueryParam("wsfunction", equalTo(function));
  }

  private static String employees(String... emails) {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < emails.length; i++) {
      users.add("{\"id\":\"e" + i + "\",\"userName\":\"user" + i + "\",\"displayName\":\"Learner "
          + i + "\",\"active\":true,\"emails\":[{\"value\":\"" + emails[i] + "\"}]}");
    }
    return "{\"totalResults\":" + emails.length + ",\"startIndex\":1,\"itemsPerPage\":"
        + emails.length + ",\"Resources\":[" + String.join(",", users) + "]}";
  }

  private static String completion(boolean completed, long at) {
    return "{\"completionstatus\":{\"completed\":" + completed + ",\"completions\":[{\"title\":"
        + "\"Activity\",\"status\":\"x\",\"complete\":" + completed + ",\"timecompleted\":"
        + (completed ? at : 0) + "}]},\"warnings\":[]}";
  }

  private void givenSystems() {
    // Moodle: no course for the program until it is created
    SYSTEMS.stubFor(moodle("core_course_get_courses_by_field").inScenario("course")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("{\"courses\":[],\"warnings\":[]}")));
    SYSTEMS.stubFor(moodle("core_course_create_courses").inScenario("course")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("[{\"id\":42,\"shortname\":\"P-500\"}]")).willSetStateTo("created"));
    SYSTEMS.stubFor(moodle("core_course_get_courses_by_field").inScenario("course")
        .whenScenarioStateIs("created").willReturn(okJson("{\"courses\":[{\"id\":42,"
            + "\"shortname\":\"P-500\",\"idnumber\":\"P-500\",\"categoryid\":1}]}")));
    // SCIM: three active employees in Support
    SYSTEMS.stubFor(get(urlPathEqualTo("/scim/v2/Users"))
        .willReturn(okJson(employees("a@x.org", "b@x.org", "c@x.org"))));
    // Moodle accounts for all three; two completed on time
    long onTime = WorkersTestApplication.DELIVERY_END.getEpochSecond() - 86_400;
    String[] emails = {"a@x.org", "b@x.org", "c@x.org"};
    for (int i = 0; i < emails.length; i++) {
      SYSTEMS.stubFor(moodle("core_user_get_users")
          .withRequestBody(containing(emails[i].replace("@", "%40")))
          .willReturn(okJson("{\"users\":[{\"id\":" + (10 + i) + ",\"username\":\"user" + i
              + "\",\"email\":\"" + emails[i] + "\"}]}")));
      SYSTEMS.stubFor(moodle("core_completion_get_course_completion_status")
          .withRequestBody(containing("userid=" + (10 + i)))
          .willReturn(okJson(completion(i < 2, onTime))));
    }
    SYSTEMS.stubFor(moodle("enrol_manual_enrol_users").willReturn(okJson("null")));
    // vendor: accepts the order
    SYSTEMS.stubFor(post("/vendor/purchase-orders").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"vo-7\",\"poNumber\":\"PO-P-500-v1\",\"status\":\"accepted\"}")));
  }

  private Map<String, Object> deliveryVariables(String programId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("programId", programId);
    variables.put("title", "Data privacy 101");
    variables.put("learningObjectives", List.of("Handle GDPR requests"));
    variables.put("deliveryFormat", "virtual");
    variables.put("audienceCriteria", "department eq \"Support\"");
    variables.put("enrolmentBatchSize", 2);
    variables.put("designChoice", "buy");
    variables.put("selectedVendor", Map.of("id", "v1", "name", "Acme", "quoteId", "q-1"));
    variables.put("quotedCost", 18000);
    variables.put("completionDeadlineIn", "P60D");
    variables.put("deliveryIssueDueIn", "P2D");
    return variables;
  }

  @Test
  void a_bought_program_is_delivered_by_the_workers_from_course_to_completions() {
    // given
    givenSystems();

    // when the stage runs and the LMS reports the cohort complete
    long instance = startWrapper("delivery", deliveryVariables("P-500"));
    await().atMost(WAIT).until(() -> reached("delivery", "AwaitCompletions", ProcessInstanceIntent.ELEMENT_ACTIVATED));
    client.newPublishMessageCommand().messageName("learnops.delivery.cohort-completed")
        .correlationKey("P-500").timeToLive(Duration.ofMinutes(1)).send().join();
    ActivatedJob outputs = awaitCapture(instance);

    // then the stage's outputs come from the systems
    assertThat(outputs.getVariablesAsMap())
        .containsEntry("courseId", 42)
        .containsEntry("purchaseOrderId", "PO-P-500-v1")
        .containsEntry("completedCount", 2);
    assertThat(((Number) outputs.getVariable("completionRate")).doubleValue())
        .isEqualTo(2.0 / 3.0);
    // and the path went through every worker, enrolling two batches
    assertThat(completed("delivery")).containsSubsequence("CreateCourse", "ResolveAudience",
        "EnrolBatch", "RaisePurchaseOrder", "ScheduleSessions", "AwaitCompletions",
        "CollectCompletions", "Delivered").doesNotContain("LmsRejected", "AudienceEmpty");
    SYSTEMS.verify(1, moodleCalled("core_course_create_courses")
        .withRequestBody(containing("idnumber%5D=P-500")));
    SYSTEMS.verify(3, moodleCalled("enrol_manual_enrol_users")
        .withRequestBody(containing("courseid%5D=42")));
    SYSTEMS.verify(1, postRequestedFor(urlPathEqualTo("/vendor/purchase-orders"))
        .withHeader("Idempotency-Key", equalTo("learnops:purchase-order:P-500:v1")));
  }

  @Test
  void a_course_the_lms_refuses_goes_to_ld_ops_and_is_created_after_the_fix() {
    // given Moodle refuses the first course (short name taken), then accepts
    givenSystems();
    SYSTEMS.stubFor(moodle("core_course_create_courses").inScenario("course")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("{\"exception\":\"moodle_exception\",\"errorcode\":\"shortnametaken\","
            + "\"message\":\"Short name is already used\"}")).willSetStateTo("refused"));
    SYSTEMS.stubFor(moodle("core_course_get_courses_by_field").inScenario("course")
        .whenScenarioStateIs("refused").willReturn(okJson("{\"courses\":[],\"warnings\":[]}")));
    SYSTEMS.stubFor(moodle("core_course_create_courses").inScenario("course")
        .whenScenarioStateIs("refused")
        .willReturn(okJson("[{\"id\":42,\"shortname\":\"P-501\"}]")).willSetStateTo("created"));

    // when the stage runs and L&D ops completes the fix task
    long instance = startWrapper("delivery", deliveryVariables("P-501"));
    var task = awaitUserTask("delivery", "FixCourseSetup");
    client.newCompleteUserTaskCommand(task).variables(Map.of("title", "Data privacy 101 (2026)"))
        .send().join();
    await().atMost(WAIT).until(() -> reached("delivery", "AwaitCompletions", ProcessInstanceIntent.ELEMENT_ACTIVATED));
    client.newPublishMessageCommand().messageName("learnops.delivery.cohort-completed")
        .correlationKey("P-501").timeToLive(Duration.ofMinutes(1)).send().join();
    ActivatedJob outputs = awaitCapture(instance);

    // then the course was created on the second attempt, with the fixed title
    assertThat(outputs.getVariablesAsMap()).containsEntry("courseId", 42);
    assertThat(completed("delivery")).containsSubsequence("LmsRejected", "FixCourseSetup",
        "CreateCourse", "ResolveAudience");
    SYSTEMS.verify(moodleCalled("core_course_create_courses")
        .withRequestBody(containing("fullname%5D=Data+privacy+101+%282026%29")));
    // and the task listener jobs were recorded by the tasks worker
    assertThat(taskTimings.events).filteredOn(e -> e.programId().equals(Optional.of("P-501")))
        .singleElement().satisfies(e -> {
          assertThat(e.eventType()).isEqualTo("completing");
          assertThat(e.elementId()).isEqualTo("FixCourseSetup");
          assertThat(e.candidateGroups()).containsExactly("ld-ops");
        });
  }
}
