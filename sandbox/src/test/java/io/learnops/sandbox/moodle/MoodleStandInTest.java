package io.learnops.sandbox.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnops.connectors.http.BusinessRejection;
import io.learnops.connectors.http.TechnicalFailure;
import io.learnops.connectors.lms.moodle.CompletionStatus;
import io.learnops.connectors.lms.moodle.Course;
import io.learnops.connectors.lms.moodle.Enrolment;
import io.learnops.connectors.lms.moodle.Learner;
import io.learnops.connectors.lms.moodle.MoodleClient;
import io.learnops.connectors.lms.moodle.MoodleSite;
import io.learnops.connectors.lms.moodle.NewCourse;
import io.learnops.connectors.lms.moodle.NewLearner;
import io.learnops.sandbox.SandboxContractTest;
import io.learnops.sandbox.SandboxHttp;
import io.learnops.sandbox.admin.OutageSwitch;
import io.learnops.sandbox.admin.SandboxSystem;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Moodle stand-in, driven through the connectors' {@link MoodleClient}. */
class MoodleStandInTest extends SandboxContractTest {

  @Autowired
  private OutageSwitch outages;

  @Test
  void site_info_lists_every_function_the_client_needs() {
    MoodleSite site = moodle().siteInfo();

    assertThat(site.missingFunctions()).isEmpty();
    assertThat(site.siteName()).isEqualTo("LearnOps Sandbox Moodle");
    assertThat(site.userId()).isEqualTo(3);
  }

  @Test
  void a_created_course_is_found_by_id_number_and_short_name() {
    // given
    NewCourse newCourse = new NewCourse("Negotiation Basics", "NEG-101", 1, "program-42",
        "Two half-days", Optional.of(Instant.parse("2026-04-01T00:00:00Z")), Optional.empty());

    // when
    Course created = moodle().createCourse(newCourse);

    // then
    assertThat(created.id()).isPositive();
    assertThat(created.shortName()).isEqualTo("NEG-101");
    assertThat(moodle().findCourseByIdNumber("program-42")).contains(
        new Course(created.id(), "NEG-101", "Negotiation Basics", "program-42", 1));
    assertThat(moodle().findCourseByShortName("NEG-101")).map(Course::id)
        .contains(created.id());
    assertThat(moodle().findCourseByIdNumber("program-43")).isEmpty();
  }

  @Test
  void a_taken_short_name_is_a_business_rejection() {
    moodle().createCourse(course("SEC-1", "program-1"));

    assertThatThrownBy(() -> moodle().createCourse(course("SEC-1", "program-2")))
        .isInstanceOfSatisfying(BusinessRejection.class,
            e -> assertThat(e.code()).isEqualTo("moodle.shortnametaken"));
  }

  @Test
  void a_taken_id_number_is_a_business_rejection() {
    moodle().createCourse(course("SEC-1", "program-1"));

    assertThatThrownBy(() -> moodle().createCourse(course("SEC-2", "program-1")))
        .isInstanceOfSatisfying(BusinessRejection.class,
            e -> assertThat(e.code()).isEqualTo("moodle.courseidnumbertaken"));
  }

  @Test
  void an_unknown_category_is_an_invalid_parameter() {
    NewCourse inUnknownCategory = new NewCourse("X", "X-1", 99, "p", "", Optional.empty(),
        Optional.empty());

    assertThatThrownBy(() -> moodle().createCourse(inUnknownCategory))
        .isInstanceOfSatisfying(BusinessRejection.class,
            e -> assertThat(e.code()).isEqualTo("moodle.invalidparameter"));
  }

  @Test
  void a_user_is_missing_until_created_then_found_by_email_in_any_case() {
    assertThat(moodle().findUserByEmail("ada.abbott@acme.example")).isEmpty();

    Learner created = moodle().createUser(new NewLearner("ada.abbott", "Ada", "Abbott",
        "ada.abbott@acme.example", "E10002", "manual"));

    assertThat(moodle().findUserByEmail("Ada.Abbott@ACME.example")).contains(created);
    assertThat(created.idNumber()).isEqualTo("E10002");
  }

  @Test
  void a_taken_username_is_an_invalid_parameter() {
    moodle().createUser(new NewLearner("ada", "Ada", "A", "a@acme.example", "", "manual"));

    assertThatThrownBy(() -> moodle().createUser(
        new NewLearner("ada", "Ada", "B", "b@acme.example", "", "manual")))
        .isInstanceOfSatisfying(BusinessRejection.class,
            e -> assertThat(e.code()).isEqualTo("moodle.invalidparameter"));
  }

  @Test
  void an_enrolled_learner_has_an_incomplete_status_and_enrolling_again_changes_nothing() {
    // given
    Course course = moodle().createCourse(course("GDPR-1", "program-gdpr"));
    Learner learner = moodle().createUser(new NewLearner("ben", "Ben", "Becker",
        "ben.becker@acme.example", "E10003", "oauth2"));

    // when
    moodle().enrol(Enrolment.student(learner.id(), course.id()));
    moodle().enrol(Enrolment.student(learner.id(), course.id()));

    // then
    CompletionStatus status = moodle().completionStatus(course.id(), learner.id());
    assertThat(status.completed()).isFalse();
    assertThat(status.criteria()).singleElement().satisfies(c -> {
      assertThat(c.complete()).isFalse();
      assertThat(c.completedAt()).isEmpty();
    });
  }

  @Test
  void enrolling_in_an_unknown_course_is_a_business_rejection() {
    Learner learner = moodle().createUser(new NewLearner("ben", "Ben", "Becker",
        "ben.becker@acme.example", "", "manual"));

    assertThatThrownBy(() -> moodle().enrol(Enrolment.student(learner.id(), 4711)))
        .isInstanceOfSatisfying(BusinessRejection.class,
            e -> assertThat(e.code()).isEqualTo("moodle.wsnoinstance"));
  }

  @Test
  void the_completion_status_of_an_unknown_course_is_a_business_rejection() {
    assertThatThrownBy(() -> moodle().completionStatus(4711, 3))
        .isInstanceOfSatisfying(BusinessRejection.class,
            e -> assertThat(e.code()).isEqualTo("moodle.invalidcourseid"));
  }

  @Test
  void the_completion_status_of_a_learner_not_enrolled_is_a_business_rejection() {
    Course course = moodle().createCourse(course("GDPR-1", "program-gdpr"));

    assertThatThrownBy(() -> moodle().completionStatus(course.id(), 3))
        .isInstanceOfSatisfying(BusinessRejection.class,
            e -> assertThat(e.code()).isEqualTo("moodle.notenrolled"));
  }

  @Test
  void a_wrong_token_is_misconfiguration() {
    assertThatThrownBy(() -> moodle("not-the-token").siteInfo())
        .isInstanceOfSatisfying(TechnicalFailure.class,
            e -> assertThat(e.kind()).isEqualTo(TechnicalFailure.Kind.MISCONFIGURED));
  }

  @Test
  void an_outage_is_a_server_error_after_the_retries_and_ends_when_switched_back() {
    // given
    outages.start(SandboxSystem.MOODLE, 503);

    // when / then
    assertThatThrownBy(() -> moodle().findCourseByIdNumber("program-1"))
        .isInstanceOfSatisfying(TechnicalFailure.class, e -> {
          assertThat(e.kind()).isEqualTo(TechnicalFailure.Kind.SERVER_ERROR);
          assertThat(e.httpStatus()).contains(503);
        });
    assertThat(sleeps).hasSize(ATTEMPTS - 1);

    outages.end(SandboxSystem.MOODLE);
    assertThat(moodle().findCourseByIdNumber("program-1")).isEmpty();
  }

  @Test
  void errors_come_as_http_200_with_moodles_error_shape() {
    HttpResponse<String> response = new SandboxHttp().send(HttpRequest.newBuilder(
            base("/sandbox/moodle/webservice/rest/server.php"
                + "?wsfunction=core_webservice_get_site_info&moodlewsrestformat=json"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("wstoken=wrong")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"exception\":\"moodle_exception\","
        + "\"errorcode\":\"invalidtoken\",\"message\":\"Invalid token - token not found\"}");
  }

  private static NewCourse course(String shortName, String idNumber) {
    return new NewCourse("Course " + shortName, shortName, 1, idNumber, "", Optional.empty(),
        Optional.empty());
  }
}
