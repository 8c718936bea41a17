package io.learnops.sandbox.moodle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The web-service functions the stand-in implements, with the parameters and answer shapes of
 * Moodle 4.x. Answers are plain maps and lists, serialised as Moodle's JSON.
 */
final class MoodleFunctions {

  static final String SITE_NAME = "LearnOps Sandbox Moodle";
  static final String RELEASE = "4.5 (Build: 20241007) - LearnOps sandbox";

  private final MoodleState state;
  private final Map<String, Function<MoodleParams, Object>> functions = new TreeMap<>();

  MoodleFunctions(MoodleState state) {
    this.state = state;
    functions.put("core_webservice_get_site_info", p -> siteInfo());
    functions.put("core_course_create_courses", this::createCourses);
    functions.put("core_course_get_courses_by_field", this::coursesByField);
    functions.put("core_user_get_users", this::users);
    functions.put("core_user_create_users", this::createUsers);
    functions.put("enrol_manual_enrol_users", this::enrol);
    functions.put("core_enrol_get_enrolled_users", this::enrolledUsers);
    functions.put("core_completion_get_course_completion_status", this::completionStatus);
  }

  /** Runs a function; unknown names are refused like a function missing from the service. */
  Object call(String function, MoodleParams params) {
    Function<MoodleParams, Object> handler = functions.get(function);
    if (handler == null) {
      throw MoodleException.accessException(function);
    }
    return handler.apply(params);
  }

  private Map<String, Object> siteInfo() {
    MoodleUser ws = state.user(MoodleState.WEB_SERVICE_USER_ID).orElseThrow();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("sitename", SITE_NAME);
    info.put("username", ws.username());
    info.put("firstname", ws.firstName());
    info.put("lastname", ws.lastName());
    info.put("fullname", ws.fullName());
    info.put("lang", "en");
    info.put("userid", ws.id());
    info.put("siteid", 1);
    info.put("functions", functions.keySet().stream()
        .map(name -> Map.of("name", name, "version", "2024100700"))
        .toList());
    info.put("release", RELEASE);
    info.put("version", "2024100700");
    return info;
  }

  private List<Map<String, Object>> createCourses(MoodleParams params) {
    List<Map<String, Object>> created = new ArrayList<>();
    for (MoodleParams.Element c : params.list("courses")) {
      MoodleCourse course = state.createCourse(c.required("fullname"), c.required("shortname"),
          c.requiredLong("categoryid"), c.value("idnumber").orElse(""),
          c.value("summary").orElse(""), c.optionalLong("startdate"), c.optionalLong("enddate"));
      created.add(Map.of("id", course.id(), "shortname", course.shortName()));
    }
    return created;
  }

  private Map<String, Object> coursesByField(MoodleParams params) {
    Optional<String> field = params.value("field");
    Predicate<MoodleCourse> filter = field.isEmpty() ? c -> true : switch (field.get()) {
      case "id" -> c -> Long.toString(c.id()).equals(params.required("value"));
      case "shortname" -> c -> c.shortName().equals(params.required("value"));
      case "idnumber" -> c -> c.idNumber().equals(params.required("value"));
      case "category" -> c -> Long.toString(c.categoryId()).equals(params.required("value"));
      default -> throw MoodleException.invalidParameter("invalid field: " + field.get());
    };
    return Map.of("courses", state.courses(filter).stream().map(this::course).toList(),
        "warnings", List.of());
  }

  private Map<String, Object> course(MoodleCourse c) {
    Map<String, Object> course = new LinkedHashMap<>();
    course.put("id", c.id());
    course.put("fullname", c.fullName());
    course.put("displayname", c.fullName());
    course.put("shortname", c.shortName());
    course.put("categoryid", c.categoryId());
    course.put("categoryname", MoodleState.categoryName(c.categoryId()).orElse(""));
    course.put("idnumber", c.idNumber());
    course.put("summary", c.summary());
    course.put("summaryformat", 1);
    course.put("format", "topics");
    course.put("startdate", c.startDate().orElse(0L));
    course.put("enddate", c.endDate().orElse(0L));
    course.put("visible", 1);
    course.put("enablecompletion", 1);
    return course;
  }

  /** Criteria are ANDed, as in Moodle; e-mail compares without case. */
  private Map<String, Object> users(MoodleParams params) {
    Predicate<MoodleUser> filter = u -> u.id() != MoodleState.GUEST_USER_ID;
    for (MoodleParams.Element criterion : params.list("criteria")) {
      String value = criterion.required("value");
      Predicate<MoodleUser> match = switch (criterion.required("key")) {
        case "id" -> u -> Long.toString(u.id()).equals(value);
        case "username" -> u -> u.username().equals(value);
        case "email" -> u -> u.email().toLowerCase(Locale.ROOT)
            .equals(value.toLowerCase(Locale.ROOT));
        case "idnumber" -> u -> u.idNumber().equals(value);
        case "firstname" -> u -> u.firstName().equals(value);
        case "lastname" -> u -> u.lastName().equals(value);
        case "auth" -> u -> u.auth().equals(value);
        default -> throw MoodleException.invalidParameter(
            "invalid criterion: " + criterion.required("key"));
      };
      filter = filter.and(match);
    }
    return Map.of("users", state.users(filter).stream().map(this::user).toList(),
        "warnings", List.of());
  }

  private Map<String, Object> user(MoodleUser u) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", u.id());
    user.put("username", u.username());
    user.put("firstname", u.firstName());
    user.put("lastname", u.lastName());
    user.put("fullname", u.fullName());
    user.put("email", u.email());
    user.put("idnumber", u.idNumber());
    user.put("auth", u.auth());
    user.put("suspended", false);
    user.put("confirmed", true);
    return user;
  }

  private List<Map<String, Object>> createUsers(MoodleParams params) {
    List<Map<String, Object>> created = new ArrayList<>();
    for (MoodleParams.Element u : params.list("users")) {
      String auth = u.value("auth").orElse("manual");
      if ("manual".equals(auth) && u.value("password").isEmpty()
          && !"1".equals(u.value("createpassword").orElse("0"))) {
        throw MoodleException.invalidParameter(
            u.path() + ": a manual account needs password or createpassword=1");
      }
      MoodleUser user = state.createUser(u.required("username"), u.required("firstname"),
          u.required("lastname"), u.required("email"), u.value("idnumber").orElse(""), auth);
      created.add(Map.of("id", user.id(), "username", user.username()));
    }
    return created;
  }

  /** Moodle answers {@code null}: the controller writes that for an empty optional. */
  private Optional<Object> enrol(MoodleParams params) {
    for (MoodleParams.Element e : params.list("enrolments")) {
      state.enrol(e.requiredLong("courseid"), e.requiredLong("userid"),
          (int) e.requiredLong("roleid"), e.optionalLong("timestart"), e.optionalLong("timeend"));
    }
    return Optional.empty();
  }

  private List<Map<String, Object>> enrolledUsers(MoodleParams params) {
    long courseId = params.requiredLong("courseid");
    existingCourse(courseId);
    return state.enrolledUsers(courseId).stream().map(this::user).toList();
  }

  private Map<String, Object> completionStatus(MoodleParams params) {
    long courseId = params.requiredLong("courseid");
    long userId = params.requiredLong("userid");
    existingCourse(courseId);
    CourseEnrolment enrolment = state.enrolment(courseId, userId).orElseThrow(
        () -> MoodleException.business("notenrolled",
            "The user " + userId + " is not enrolled in course " + courseId));
    Long completedAt = enrolment.completedAt().map(at -> at.getEpochSecond()).orElse(null);
    boolean complete = completedAt != null;
    Map<String, Object> criterion = new LinkedHashMap<>();
    criterion.put("type", 4);
    criterion.put("title", "Activity completion");
    criterion.put("status", complete ? "Yes" : "No");
    criterion.put("complete", complete);
    criterion.put("timecompleted", completedAt);
    criterion.put("details", Map.of("type", "Activity completion",
        "criteria", "Course activity (completed or passed in the LRS)",
        "requirement", "Marking complete", "status", complete ? "Complete" : "Not complete"));
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("completed", complete);
    status.put("aggregation", 1);
    status.put("completions", List.of(criterion));
    return Map.of("completionstatus", status, "warnings", List.of());
  }

  private void existingCourse(long courseId) {
    if (state.course(courseId).isEmpty()) {
      throw MoodleException.business("invalidcourseid",
          "You are trying to use an invalid course ID (" + courseId + ")");
    }
  }
}
