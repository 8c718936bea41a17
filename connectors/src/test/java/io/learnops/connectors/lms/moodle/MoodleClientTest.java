package io.learnops.connectors.lms.moodle;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.learnops.connectors.http.BusinessRejection;
import io.learnops.connectors.http.TechnicalFailure;
import io.learnops.connectors.http.TechnicalFailure.Kind;
import io.learnops.connectors.http.TestRuntime;
import io.learnops.connectors.http.Timeouts;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MoodleClientTest {

  private static final String ENDPOINT = "/webservice/rest/server.php";

  @RegisterExtension
  static WireMockExtension moodle =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private TestRuntime test;
  private MoodleClient client;

  @BeforeEach
  void setUp() {
    test = new TestRuntime();
    client = clientWith(TestRuntime.testTimeouts());
  }

  private MoodleClient clientWith(Timeouts timeouts) {
    return new MoodleClient(new MoodleSettings(URI.create(moodle.baseUrl()), "s3cret", timeouts,
        TestRuntime.fastRetries()), test.runtime());
  }

  private static MappingBuilder function(String name) {
    return post(urlPathEqualTo(ENDPOINT))
        .withQueryParam("wsfunction", equalTo(name))
        .withQueryParam("moodlewsrestformat", equalTo("json"))
        .withFormParam("wstoken", equalTo("s3cret"));
  }

  private static RequestPatternBuilder called(String name) {
    return postRequestedFor(urlPathEqualTo(ENDPOINT)).withQueryParam("wsfunction", equalTo(name));
  }

  private static String error(String exception, String code, String message) {
    return "{\"exception\":\"" + exception + "\",\"errorcode\":\"" + code
        + "\",\"message\":\"" + message + "\"}";
  }

  private static NewCourse safetyCourse() {
    return new NewCourse("Forklift safety 2026", "FLS-26", 3, "prog-17", "Yearly refresher",
        Optional.of(Instant.parse("2026-04-01T00:00:00Z")), Optional.empty());
  }

  @Test
  void site_info_tells_which_required_functions_the_service_lacks() {
    moodle.stubFor(function("core_webservice_get_site_info").willReturn(okJson("""
        {"sitename":"ACME Learning","username":"learnops","userid":2,"release":"4.5.1 (Build: 20241209)",
         "functions":[{"name":"core_course_create_courses","version":"2024100700"},
                      {"name":"core_course_get_courses_by_field","version":"2024100700"},
                      {"name":"core_user_get_users","version":"2024100700"},
                      {"name":"core_user_create_users","version":"2024100700"}]}""")));

    MoodleSite site = client.siteInfo();

    assertThat(site.siteName()).isEqualTo("ACME Learning");
    assertThat(site.userId()).isEqualTo(2);
    assertThat(site.missingFunctions()).containsExactly(
        "core_completion_get_course_completion_status", "enrol_manual_enrol_users");
  }

  @Test
  void creating_a_course_posts_moodle_array_parameters_and_returns_its_id() {
    moodle.stubFor(function("core_course_create_courses")
        .withFormParam("courses[0][fullname]", equalTo("Forklift safety 2026"))
        .withFormParam("courses[0][shortname]", equalTo("FLS-26"))
        .withFormParam("courses[0][categoryid]", equalTo("3"))
        .withFormParam("courses[0][idnumber]", equalTo("prog-17"))
        .withFormParam("courses[0][startdate]", equalTo("1775001600"))
        .willReturn(okJson("[{\"id\":42,\"shortname\":\"FLS-26\"}]")));

    Course course = client.createCourse(safetyCourse());

    assertThat(course).isEqualTo(new Course(42, "FLS-26", "Forklift safety 2026", "prog-17", 3));
  }

  @Test
  void a_taken_short_name_is_a_business_rejection_even_though_moodle_answers_200() {
    moodle.stubFor(function("core_course_create_courses").willReturn(okJson(
        error("moodle_exception", "shortnametaken", "Short name is already used"))));

    assertThatThrownBy(() -> client.createCourse(safetyCourse()))
        .isInstanceOfSatisfying(BusinessRejection.class, rejection -> {
          assertThat(rejection.code()).isEqualTo("moodle.shortnametaken");
          assertThat(rejection.httpStatus()).isEmpty();
        });
    moodle.verify(1, called("core_course_create_courses"));
  }

  @Test
  void an_invalid_token_is_a_misconfiguration_not_a_business_answer() {
    moodle.stubFor(post(urlPathEqualTo(ENDPOINT)).willReturn(okJson(
        error("moodle_exception", "invalidtoken", "Invalid token - token not found"))));

    assertThatThrownBy(() -> client.findCourseByIdNumber("prog-17"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MISCONFIGURED));
  }

  @Test
  void a_database_exception_is_a_technical_failure() {
    moodle.stubFor(post(urlPathEqualTo(ENDPOINT)).willReturn(okJson(
        error("dml_read_exception", "dmlreadexception", "Error reading from database"))));

    assertThatThrownBy(() -> client.findUserByEmail("ada@example.org"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR));
  }

  @Test
  void a_retried_job_finds_the_course_it_created_before_by_id_number() {
    moodle.stubFor(function("core_course_get_courses_by_field")
        .withFormParam("field", equalTo("idnumber"))
        .withFormParam("value", equalTo("prog-17"))
        .willReturn(okJson("{\"courses\":[{\"id\":42,\"shortname\":\"FLS-26\","
            + "\"fullname\":\"Forklift safety 2026\",\"idnumber\":\"prog-17\",\"categoryid\":3}],"
            + "\"warnings\":[]}")));

    Optional<Course> course = client.findCourseByIdNumber("prog-17");

    assertThat(course).contains(new Course(42, "FLS-26", "Forklift safety 2026", "prog-17", 3));
  }

  @Test
  void an_unknown_short_name_finds_no_course() {
    moodle.stubFor(function("core_course_get_courses_by_field")
        .withFormParam("field", equalTo("shortname"))
        .willReturn(okJson("{\"courses\":[],\"warnings\":[]}")));

    assertThat(client.findCourseByShortName("NOPE")).isEmpty();
  }

  @Test
  void a_user_is_found_by_email() {
    moodle.stubFor(function("core_user_get_users")
        .withFormParam("criteria[0][key]", equalTo("email"))
        .withFormParam("criteria[0][value]", equalTo("ada@example.org"))
        .willReturn(okJson("{\"users\":[{\"id\":7,\"username\":\"ada\",\"firstname\":\"Ada\","
            + "\"lastname\":\"Lovelace\",\"email\":\"ada@example.org\",\"idnumber\":\"E-1\"}],"
            + "\"warnings\":[]}")));

    assertThat(client.findUserByEmail("ada@example.org"))
        .contains(new Learner(7, "ada", "Ada", "Lovelace", "ada@example.org", "E-1"));
  }

  @Test
  void a_manual_account_is_created_with_a_generated_password() {
    moodle.stubFor(function("core_user_create_users")
        .withFormParam("users[0][username]", equalTo("ada"))
        .withFormParam("users[0][email]", equalTo("ada@example.org"))
        .withFormParam("users[0][auth]", equalTo("manual"))
        .withFormParam("users[0][createpassword]", equalTo("1"))
        .willReturn(okJson("[{\"id\":7,\"username\":\"ada\"}]")));

    Learner learner = client.createUser(
        new NewLearner("ada", "Ada", "Lovelace", "ada@example.org", "E-1", null));

    assertThat(learner.id()).isEqualTo(7);
    assertThat(learner.idNumber()).isEqualTo("E-1");
  }

  @Test
  void an_existing_username_is_a_business_rejection() {
    moodle.stubFor(function("core_user_create_users").willReturn(okJson(error(
        "invalid_parameter_exception", "invalidparameter", "Username already exists: ada"))));

    assertThatThrownBy(() -> client.createUser(
        new NewLearner("ada", "Ada", "Lovelace", "ada@example.org", "E-1", "saml2")))
        .isInstanceOfSatisfying(BusinessRejection.class,
            rejection -> assertThat(rejection.code()).isEqualTo("moodle.invalidparameter"));
  }

  @Test
  void enrolling_sends_the_manual_enrolment_and_accepts_moodles_null_answer() {
    moodle.stubFor(function("enrol_manual_enrol_users")
        .withFormParam("enrolments[0][roleid]", equalTo("5"))
        .withFormParam("enrolments[0][userid]", equalTo("7"))
        .withFormParam("enrolments[0][courseid]", equalTo("42"))
        .willReturn(okJson("null")));

    client.enrol(Enrolment.student(7, 42));

    moodle.verify(1, called("enrol_manual_enrol_users"));
  }

  @Test
  void enrolling_is_repeatable_so_a_5xx_is_retried_until_it_succeeds() {
    moodle.stubFor(function("enrol_manual_enrol_users").inScenario("flaky")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
    moodle.stubFor(function("enrol_manual_enrol_users").inScenario("flaky")
        .whenScenarioStateIs("up").willReturn(okJson("null")));

    client.enrol(Enrolment.student(7, 42));

    moodle.verify(2, called("enrol_manual_enrol_users"));
    assertThat(test.sleeps()).containsExactly(Duration.ofMillis(10));
  }

  @Test
  void a_5xx_while_creating_a_course_is_not_resent_blindly() {
    moodle.stubFor(function("core_course_create_courses")
        .willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> client.createCourse(safetyCourse()))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR));
    moodle.verify(1, called("core_course_create_courses"));
  }

  @Test
  void lookups_that_keep_failing_with_5xx_end_in_a_technical_failure() {
    moodle.stubFor(function("core_user_get_users").willReturn(aResponse().withStatus(502)));

    assertThatThrownBy(() -> client.findUserByEmail("ada@example.org"))
        .isInstanceOf(TechnicalFailure.class);
    moodle.verify(3, called("core_user_get_users"));
  }

  @Test
  void a_429_on_a_lookup_waits_as_long_as_moodle_asks() {
    moodle.stubFor(function("core_user_get_users").inScenario("busy")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
        .willSetStateTo("free"));
    moodle.stubFor(function("core_user_get_users").inScenario("busy").whenScenarioStateIs("free")
        .willReturn(okJson("{\"users\":[],\"warnings\":[]}")));

    assertThat(client.findUserByEmail("ada@example.org")).isEmpty();
    assertThat(test.sleeps()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void completion_status_lists_the_criteria_and_when_they_were_met() {
    moodle.stubFor(function("core_completion_get_course_completion_status")
        .withFormParam("courseid", equalTo("42"))
        .withFormParam("userid", equalTo("7"))
        .willReturn(okJson("{\"completionstatus\":{\"completed\":true,\"aggregation\":1,"
            + "\"completions\":[{\"type\":4,\"title\":\"Final quiz\",\"status\":\"Yes\","
            + "\"complete\":true,\"timecompleted\":1775001600},{\"type\":2,\"title\":\"Self\","
            + "\"status\":\"No\",\"complete\":false,\"timecompleted\":null}]},\"warnings\":[]}")));

    CompletionStatus status = client.completionStatus(42, 7);

    assertThat(status.completed()).isTrue();
    assertThat(status.criteria()).containsExactly(
        new CompletionStatus.Criterion("Final quiz", "Yes", true,
            Optional.of(Instant.parse("2026-04-01T00:00:00Z"))),
        new CompletionStatus.Criterion("Self", "No", false, Optional.empty()));
  }

  @Test
  void a_course_without_completion_criteria_is_a_business_rejection() {
    moodle.stubFor(function("core_completion_get_course_completion_status").willReturn(okJson(
        error("moodle_exception", "nocriteriaset", "No completion criteria set"))));

    assertThatThrownBy(() -> client.completionStatus(42, 7))
        .isInstanceOfSatisfying(BusinessRejection.class,
            rejection -> assertThat(rejection.code()).isEqualTo("moodle.nocriteriaset"));
  }

  @Test
  void an_html_page_instead_of_json_is_a_malformed_response() {
    moodle.stubFor(post(urlPathEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html>Site maintenance</html>")));

    assertThatThrownBy(() -> client.findCourseByIdNumber("prog-17"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
  }

  @Test
  void a_completion_status_without_the_completed_flag_is_a_malformed_response() {
    moodle.stubFor(function("core_completion_get_course_completion_status")
        .willReturn(okJson("{\"completionstatus\":{\"completions\":[]}}")));

    assertThatThrownBy(() -> client.completionStatus(42, 7))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
  }

  @Test
  void a_404_from_the_endpoint_means_the_site_url_is_wrong() {
    moodle.stubFor(post(urlPathEqualTo(ENDPOINT)).willReturn(aResponse().withStatus(404)));

    assertThatThrownBy(() -> client.findCourseByIdNumber("prog-17"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MISCONFIGURED));
  }

  @Test
  void a_moodle_slower_than_the_read_timeout_is_a_timeout() {
    moodle.stubFor(function("core_course_get_courses_by_field")
        .willReturn(okJson("{\"courses\":[]}").withFixedDelay(1_000)));
    MoodleClient impatient = clientWith(new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(100)));

    assertThatThrownBy(() -> impatient.findCourseByIdNumber("prog-17"))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT));
  }

  @Test
  void the_token_is_not_printed_with_the_settings() {
    MoodleSettings settings = new MoodleSettings(URI.create("https://lms.example.org"), "s3cret",
        TestRuntime.testTimeouts(), TestRuntime.fastRetries());

    assertThat(settings.toString()).doesNotContain("s3cret");
  }

  static Stream<Named<Consumer<MoodleClient>>> everyCall() {
    return Stream.of(
        call("core_webservice_get_site_info", c -> c.siteInfo()),
        call("core_course_create_courses", c -> c.createCourse(safetyCourse())),
        call("core_course_get_courses_by_field", c -> c.findCourseByIdNumber("prog-17")),
        call("core_user_get_users", c -> c.findUserByEmail("ada@example.org")),
        call("core_user_create_users", c -> c.createUser(new NewLearner("ada", "Ada", "L", "ada@example.org", "E-1", null))),
        call("enrol_manual_enrol_users", c -> c.enrol(Enrolment.student(7, 42))),
        call("core_completion_get_course_completion_status", c -> c.completionStatus(42, 7)));
  }

  private static Named<Consumer<MoodleClient>> call(String name, Consumer<MoodleClient> call) {
    return Named.of(name, call);
  }

  // Every call, each failure mode: the mapping must not depend on which function was called.

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_ends_in_a_server_error_when_5xx_persist(Consumer<MoodleClient> call) {
    moodle.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_reports_refused_credentials_as_misconfiguration(Consumer<MoodleClient> call) {
    moodle.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)));

    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MISCONFIGURED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_turns_the_systems_no_into_a_business_rejection(Consumer<MoodleClient> call) {
    moodle.stubFor(any(anyUrl()).willReturn(okJson(error("moodle_exception", "cannotdoit", "No"))));

    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOfSatisfying(BusinessRejection.class,
            rejection -> assertThat(rejection.code()).isEqualTo("moodle.cannotdoit"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_reports_an_unparsable_body_as_malformed(Consumer<MoodleClient> call) {
    moodle.stubFor(any(anyUrl()).willReturn(okJson("{\"truncated\": [")));

    assertThatThrownBy(() -> call.accept(client))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCall")
  void every_call_gives_up_on_a_server_slower_than_the_read_timeout(Consumer<MoodleClient> call) {
    moodle.stubFor(any(anyUrl()).willReturn(okJson("{}").withFixedDelay(600)));
    MoodleClient impatient = clientWith(new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(100)));

    assertThatThrownBy(() -> call.accept(impatient))
        .isInstanceOfSatisfying(TechnicalFailure.class,
            failure -> assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT));
  }
}
