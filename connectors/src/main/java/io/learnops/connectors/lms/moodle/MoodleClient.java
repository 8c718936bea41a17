package io.learnops.connectors.lms.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnops.connectors.http.BusinessRejection;
import io.learnops.connectors.http.ConnectorException;
import io.learnops.connectors.http.ConnectorHttp;
import io.learnops.connectors.http.ConnectorRuntime;
import io.learnops.connectors.http.HttpCall;
import io.learnops.connectors.http.JsonSupport;
import io.learnops.connectors.http.TechnicalFailure;
import io.learnops.connectors.http.TechnicalFailure.Kind;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Moodle web services over the REST protocol ({@code /webservice/rest/server.php}).
 *
 * <p>Every function is a form POST with the token in the body (not in URLs that end up in access
 * logs). Moodle reports errors as HTTP 200 with an {@code exception} object: access and setup
 * problems ({@code invalidtoken}, {@code accessexception}, database errors, …) become
 * {@link TechnicalFailure} MISCONFIGURED/SERVER_ERROR; everything else is a
 * {@link BusinessRejection} with code {@code moodle.<errorcode>}.
 *
 * <p>Creating is not retried inside the client after an ambiguous failure (Moodle has no
 * idempotency keys); a worker whose job is retried first calls {@link #findCourseByIdNumber} or
 * {@link #findUserByEmail}. Enrolling is repeatable: the manual enrolment plugin updates an
 * existing enrolment.
 */
public final class MoodleClient {

  static final String SYSTEM = "moodle";
  private static final String ENDPOINT = "/webservice/rest/server.php";
  private static final Set<String> SETUP_ERRORS = Set.of("invalidtoken", "accessexception",
      "nopermissions", "requireloginerror", "servicerequireslogin", "webservicesnotenabled",
      "usernotfullysetup", "sitemaintenance", "invalidfunction", "enablewsdescription",
      "wsaccessuserdeleted", "wsaccessusersuspended", "wsaccessuserexpired");

  private final MoodleSettings settings;
  private final ConnectorHttp http;
  private final JsonSupport json = new JsonSupport(SYSTEM);

  public MoodleClient(MoodleSettings settings, ConnectorRuntime runtime) {
    this.settings = settings;
    this.http = new ConnectorHttp(SYSTEM, settings.timeouts(), settings.retryPolicy(), runtime,
        (system, status, body) -> new TechnicalFailure(system, Kind.MISCONFIGURED,
            "HTTP " + status + " from the web-service endpoint; check siteUrl", status, null,
            null));
  }

  /**
   * {@code core_webservice_get_site_info}: a cheap check that URL and token work, and which
   * functions the token's service allows (see {@link MoodleSite#missingFunctions()}).
   */
  public MoodleSite siteInfo() {
    JsonNode info = call("core_webservice_get_site_info", Map.of(), true);
    List<String> functions = new ArrayList<>();
    info.path("functions").forEach(f -> functions.add(f.path("name").asText()));
    return new MoodleSite(json.requiredText(info, "sitename"),
        Optional.ofNullable(JsonSupport.textOrNull(info, "release")).orElse(""),
        json.requiredLong(info, "userid"), functions);
  }

  /** {@code core_course_create_courses} for one course. */
  public Course createCourse(NewCourse course) {
    Map<String, String> params = new LinkedHashMap<>();
    String p = "courses[0]";
    params.put(p + "[fullname]", course.fullName());
    params.put(p + "[shortname]", course.shortName());
    params.put(p + "[categoryid]", Long.toString(course.categoryId()));
    params.put(p + "[idnumber]", course.idNumber());
    params.put(p + "[summary]", course.summary());
    course.startDate().ifPresent(at -> params.put(p + "[startdate]", epoch(at)));
    course.endDate().ifPresent(at -> params.put(p + "[enddate]", epoch(at)));
    JsonNode created = single(call("core_course_create_courses", params, false));
    return new Course(json.requiredLong(created, "id"), json.requiredText(created, "shortname"),
        course.fullName(), course.idNumber(), course.categoryId());
  }

  /** {@code core_course_get_courses_by_field} with {@code field=idnumber}. */
  public Optional<Course> findCourseByIdNumber(String idNumber) {
    return findCourse("idnumber", idNumber);
  }

  /** {@code core_course_get_courses_by_field} with {@code field=shortname}. */
  public Optional<Course> findCourseByShortName(String shortName) {
    return findCourse("shortname", shortName);
  }

  private Optional<Course> findCourse(String field, String value) {
    JsonNode result = call("core_course_get_courses_by_field",
        Map.of("field", field, "value", value), true);
    return elements(json.required(result, "courses"), "courses").stream()
        .map(this::course)
        .findFirst();
  }

  /** {@code core_user_get_users} with the criterion {@code email}. */
  public Optional<Learner> findUserByEmail(String email) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("criteria[0][key]", "email");
    params.put("criteria[0][value]", email);
    JsonNode result = call("core_user_get_users", params, true);
    return elements(json.required(result, "users"), "users").stream()
        .map(this::learner)
        .findFirst();
  }

  /** {@code core_user_create_users} for one user. */
  public Learner createUser(NewLearner learner) {
    Map<String, String> params = new LinkedHashMap<>();
    String p = "users[0]";
    params.put(p + "[username]", learner.username());
    params.put(p + "[firstname]", learner.firstName());
    params.put(p + "[lastname]", learner.lastName());
    params.put(p + "[email]", learner.email());
    params.put(p + "[idnumber]", learner.idNumber());
    params.put(p + "[auth]", learner.auth());
    if ("manual".equals(learner.auth())) {
      params.put(p + "[createpassword]", "1");
    }
    JsonNode created = single(call("core_user_create_users", params, false));
    return new Learner(json.requiredLong(created, "id"), json.requiredText(created, "username"),
        learner.firstName(), learner.lastName(), learner.email(), learner.idNumber());
  }

  /** {@code enrol_manual_enrol_users} for one enrolment; enrolling twice updates, not doubles. */
  public void enrol(Enrolment enrolment) {
    Map<String, String> params = new LinkedHashMap<>();
    String p = "enrolments[0]";
    params.put(p + "[roleid]", Integer.toString(enrolment.roleId()));
    params.put(p + "[userid]", Long.toString(enrolment.userId()));
    params.put(p + "[courseid]", Long.toString(enrolment.courseId()));
    enrolment.start().ifPresent(at -> params.put(p + "[timestart]", epoch(at)));
    enrolment.end().ifPresent(at -> params.put(p + "[timeend]", epoch(at)));
    call("enrol_manual_enrol_users", params, true);
  }

  /** {@code core_completion_get_course_completion_status}. */
  public CompletionStatus completionStatus(long courseId, long userId) {
    JsonNode result = call("core_completion_get_course_completion_status",
        Map.of("courseid", Long.toString(courseId), "userid", Long.toString(userId)), true);
    JsonNode status = json.required(result, "completionstatus");
    List<CompletionStatus.Criterion> criteria = new ArrayList<>();
    JsonNode completions = status.path("completions");
    for (JsonNode c : completions) {
      JsonNode time = c.get("timecompleted");
      Optional<Instant> completedAt = time == null || time.isNull() || time.asLong() == 0
          ? Optional.empty() : Optional.of(Instant.ofEpochSecond(time.asLong()));
      criteria.add(new CompletionStatus.Criterion(JsonSupport.textOrNull(c, "title"),
          JsonSupport.textOrNull(c, "status"), c.path("complete").asBoolean(false), completedAt));
    }
    JsonNode completed = json.required(status, "completed");
    if (!completed.isBoolean()) {
      throw json.malformed("field 'completed' is not a boolean", null);
    }
    return new CompletionStatus(courseId, userId, completed.asBoolean(), criteria);
  }

  private JsonNode call(String function, Map<String, String> params, boolean retrySafe) {
    URI uri = UriComponentsBuilder.fromUri(settings.siteUrl())
        .path(ENDPOINT)
        .queryParam("wsfunction", function)
        .queryParam("moodlewsrestformat", "json")
        .build(true)
        .toUri();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("wstoken", settings.token());
    form.putAll(params);
    HttpCall call = HttpCall.post(uri, "application/x-www-form-urlencoded", encode(form));
    JsonNode body = json.read(http.execute(retrySafe ? call.asRetrySafe() : call).body());
    if (body.isObject() && body.has("exception")) {
      throw moodleError(function, body);
    }
    return body;
  }

  private ConnectorException moodleError(String function, JsonNode error) {
    String code = Optional.ofNullable(JsonSupport.textOrNull(error, "errorcode")).orElse("unknown");
    String exception = JsonSupport.textOrNull(error, "exception");
    String message = function + ": " + JsonSupport.textOrNull(error, "message");
    if (SETUP_ERRORS.contains(code)) {
      return new TechnicalFailure(SYSTEM, Kind.MISCONFIGURED, code + " - " + message, null);
    }
    if (exception != null && (exception.startsWith("dml_") || exception.equals("coding_exception"))) {
      return new TechnicalFailure(SYSTEM, Kind.SERVER_ERROR, code + " - " + message, null);
    }
    return new BusinessRejection(SYSTEM, SYSTEM + "." + code, message, 0);
  }

  private JsonNode single(JsonNode array) {
    List<JsonNode> items = elements(array, "result");
    if (items.size() != 1) {
      throw json.malformed("expected one created record, got " + items.size(), null);
    }
    return items.get(0);
  }

  private List<JsonNode> elements(JsonNode node, String what) {
    if (!node.isArray()) {
      throw json.malformed("'" + what + "' is not an array", null);
    }
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return items;
  }

  private Course course(JsonNode c) {
    return new Course(json.requiredLong(c, "id"), json.requiredText(c, "shortname"),
        JsonSupport.textOrNull(c, "fullname"), JsonSupport.textOrNull(c, "idnumber"),
        c.path("categoryid").asLong());
  }

  private Learner learner(JsonNode u) {
    return new Learner(json.requiredLong(u, "id"), json.requiredText(u, "username"),
        JsonSupport.textOrNull(u, "firstname"), JsonSupport.textOrNull(u, "lastname"),
        JsonSupport.textOrNull(u, "email"), Optional.ofNullable(
            JsonSupport.textOrNull(u, "idnumber")).orElse(""));
  }

  private static String epoch(Instant at) {
    return Long.toString(at.getEpochSecond());
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
