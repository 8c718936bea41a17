package io.learnops.workers.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.learnops.workers.delivery.MoodleStubs.called;
import static io.learnops.workers.delivery.MoodleStubs.function;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.learnops.workers.support.Jobs;
import io.learnops.workers.support.TestConnectors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CreateCourseWorkerTest {

  @RegisterExtension
  static WireMockExtension lms =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private CreateCourseWorker worker;

  @BeforeEach
  void setUp() {
    worker = new CreateCourseWorker(TestConnectors.moodle(lms.baseUrl()),
        TestConnectors.properties(lms.baseUrl()));
  }

  @Test
  void creates_the_course_with_the_program_as_idnumber_and_reuses_it_when_the_job_is_retried() {
    // given no course for the program yet; after creation Moodle finds it by idnumber
    lms.stubFor(function("core_course_get_courses_by_field").inScenario("course")
        .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(MoodleStubs.noCourse())));
    lms.stubFor(function("core_course_create_courses").inScenario("course")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("[{\"id\":42,\"shortname\":\"P-1\"}]")).willSetStateTo("created"));
    lms.stubFor(function("core_course_get_courses_by_field").inScenario("course")
        .whenScenarioStateIs("created").willReturn(okJson(MoodleStubs.course(42, "P-1"))));

    // when the job runs, and runs again (a retry after a lost completion)
    var first = worker.createCourse(Jobs.job(), "P-1", "Data privacy", List.of("GDPR", "DSR"),
        "virtual");
    var again = worker.createCourse(Jobs.job(), "P-1", "Data privacy", List.of("GDPR", "DSR"),
        "virtual");

    // then one course exists, created with idnumber = programId in the configured category
    assertThat(first.courseId()).isEqualTo(42);
    assertThat(again.courseId()).isEqualTo(42);
    lms.verify(1, called("core_course_create_courses")
        .withRequestBody(containing("courses%5B0%5D%5Bidnumber%5D=P-1"))
        .withRequestBody(containing("courses%5B0%5D%5Bcategoryid%5D=7"))
        .withRequestBody(containing("courses%5B0%5D%5Bfullname%5D=Data+privacy")));
    lms.verify(2, called("core_course_get_courses_by_field")
        .withRequestBody(containing("field=idnumber")).withRequestBody(containing("value=P-1")));
  }

  @Test
  void a_course_refused_by_moodle_is_lms_rejected_with_the_reason() {
    lms.stubFor(function("core_course_get_courses_by_field")
        .willReturn(okJson(MoodleStubs.noCourse())));
    lms.stubFor(function("core_course_create_courses")
        .willReturn(okJson(MoodleStubs.error("shortnametaken"))));

    assertThatThrownBy(() -> worker.createCourse(Jobs.job(), "P-2", "T", "obj", "virtual"))
        .isInstanceOfSatisfying(BpmnError.class, error -> {
          assertThat(error.getErrorCode()).isEqualTo("LMS_REJECTED");
          assertThat(Jobs.variables(error)).extractingByKey("lmsError").asString()
              .startsWith("moodle.shortnametaken");
        });
  }

  @Test
  void moodle_down_is_a_job_failure_with_back_off_and_nothing_created() {
    lms.stubFor(function("core_course_get_courses_by_field")
        .willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> worker.createCourse(Jobs.job(3), "P-3", "T", "obj", "virtual"))
        .isInstanceOfSatisfying(JobError.class, error -> {
          assertThat(error.getRetries()).isEqualTo(2);
          assertThat(error.getRetryBackoff()).isPositive();
        });
    lms.verify(0, called("core_course_create_courses"));
  }
}
