package io.learnops.sandbox.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnops.connectors.http.TechnicalFailure;
import io.learnops.connectors.lms.moodle.Course;
import io.learnops.connectors.lms.moodle.NewCourse;
import io.learnops.sandbox.SandboxContractTest;
import io.learnops.sandbox.SandboxHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The admin endpoints tests and demos use to switch stand-ins off and on. */
class AdminStandInTest extends SandboxContractTest {

  private final SandboxHttp http = new SandboxHttp();

  @Test
  void an_outage_switched_on_over_http_takes_moodle_down_until_deleted() {
    // given
    HttpResponse<String> started = http.postJson(base("/sandbox/admin/outage"),
        "{\"system\":\"moodle\",\"status\":503}");
    assertThat(started.statusCode()).isEqualTo(200);
    assertThat(started.body()).isEqualTo("{\"moodle\":503}");

    // when / then: the LMS is down for the client
    assertThatThrownBy(() -> moodle().siteInfo())
        .isInstanceOfSatisfying(TechnicalFailure.class,
            e -> assertThat(e.kind()).isEqualTo(TechnicalFailure.Kind.SERVER_ERROR));
    // while the other stand-ins keep answering
    assertThat(scim().getUser("nobody")).isEmpty();

    // when the outage ends
    assertThat(http.delete(base("/sandbox/admin/outage?system=moodle")).statusCode())
        .isEqualTo(204);

    // then
    assertThat(moodle().siteInfo().missingFunctions()).isEmpty();
  }

  @Test
  void an_outage_can_answer_with_another_status() {
    http.postJson(base("/sandbox/admin/outage"), "{\"system\":\"scim\",\"status\":500}");

    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
        base("/sandbox/scim/v2/Users")).header("Authorization", "Bearer " + SCIM_TOKEN));

    assertThat(response.statusCode()).isEqualTo(500);
  }

  @Test
  void a_rate_limit_with_retry_after_is_waited_out_by_the_client_then_reported() {
    // given the vendors answer 429 with Retry-After: 2
    http.postJson(base("/sandbox/admin/outage"),
        "{\"system\":\"vendor\",\"status\":429,\"retryAfterSeconds\":2}");

    // when / then
    assertThatThrownBy(() -> vendor("skillforge").purchaseOrder("so-1"))
        .isInstanceOfSatisfying(TechnicalFailure.class, e -> {
          assertThat(e.kind()).isEqualTo(TechnicalFailure.Kind.RATE_LIMITED);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        });
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void deleting_without_a_system_ends_every_outage() {
    http.postJson(base("/sandbox/admin/outage"), "{\"system\":\"xapi\"}");
    http.postJson(base("/sandbox/admin/outage"), "{\"system\":\"vendor\",\"status\":502}");

    http.delete(base("/sandbox/admin/outage"));

    assertThat(http.send(HttpRequest.newBuilder(base("/sandbox/admin/outage"))).body())
        .isEqualTo("{}");
  }

  @Test
  void an_unknown_system_or_a_success_status_is_a_bad_request() {
    assertThat(http.postJson(base("/sandbox/admin/outage"), "{\"system\":\"sap\"}")
        .statusCode()).isEqualTo(400);
    assertThat(http.postJson(base("/sandbox/admin/outage"),
        "{\"system\":\"moodle\",\"status\":200}").statusCode()).isEqualTo(400);
  }

  @Test
  void completions_for_a_course_moodle_does_not_have_are_a_bad_request() {
    HttpResponse<String> response = http.postJson(base("/sandbox/admin/completions"),
        "{\"courseId\":4711,\"learners\":[{\"email\":\"a@acme.example\",\"scaled\":0.9,"
            + "\"success\":true}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("no course 4711");
  }

  @Test
  void completions_find_the_course_by_its_idnumber_and_say_which_course_it_was() {
    Course course = moodle().createCourse(new NewCourse("Program course", "PC-4711", 1,
        "program-4711", "", Optional.empty(), Optional.empty()));

    HttpResponse<String> response = http.postJson(base("/sandbox/admin/completions"),
        "{\"courseIdNumber\":\"program-4711\",\"learners\":[{\"email\":\"a@acme.example\","
            + "\"scaled\":0.9,\"success\":true}]}");
    HttpResponse<String> unknown = http.postJson(base("/sandbox/admin/completions"),
        "{\"courseIdNumber\":\"program-0\"}");
    HttpResponse<String> nobodyEnrolled = http.postJson(base("/sandbox/admin/completions"),
        "{\"courseIdNumber\":\"program-4711\",\"passRate\":0.8}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"courseId\":" + course.id());
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("no course with idnumber program-0");
    assertThat(nobodyEnrolled.statusCode()).isEqualTo(400);
    assertThat(nobodyEnrolled.body()).contains("has no enrolled learners yet");
  }

  @Test
  void reset_ends_outages() {
    http.postJson(base("/sandbox/admin/outage"), "{\"system\":\"moodle\"}");

    assertThat(http.postJson(base("/sandbox/admin/reset"), "").statusCode()).isEqualTo(204);

    assertThat(moodle().siteInfo().missingFunctions()).isEmpty();
  }

  @Test
  void the_organisation_summary_names_the_headcount() {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
        base("/sandbox/admin/organisation")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"employees\":500", "\"Engineering\":",
        "\"Legal/Compliance\":");
  }
}
