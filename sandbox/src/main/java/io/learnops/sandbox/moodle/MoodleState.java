package io.learnops.sandbox.moodle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The stand-in site's data: courses, user accounts, enrolments and completions, in memory.
 * Other stand-ins feed it (the LRS marks completions), so all access is synchronised; the
 * volumes of a demo organisation make a single lock ample.
 */
public final class MoodleState {

  /** Moodle's own accounts: 1 is the guest, 2 the admin; the web-service user comes next. */
  static final long GUEST_USER_ID = 1;
  static final long WEB_SERVICE_USER_ID = 3;
  private static final Map<Long, String> CATEGORIES = Map.of(1L, "Miscellaneous",
      2L, "Compliance", 3L, "Leadership", 4L, "Technical skills");

  private final Map<Long, MoodleCourse> courses = new LinkedHashMap<>();
  private final Map<Long, MoodleUser> users = new LinkedHashMap<>();
  private final Map<String, CourseEnrolment> enrolments = new LinkedHashMap<>();
  private long nextCourseId = 2; // course 1 is the site's front page in Moodle
  private long nextUserId = WEB_SERVICE_USER_ID + 1;

  public MoodleState() {
    reset();
  }

  /** Back to an empty site with only Moodle's own accounts. */
  public synchronized void reset() {
    courses.clear();
    users.clear();
    enrolments.clear();
    nextCourseId = 2;
    nextUserId = WEB_SERVICE_USER_ID + 1;
    users.put(1L, new MoodleUser(1, "guest", "Guest user", " ", "root@localhost", "", "manual"));
    users.put(2L, new MoodleUser(2, "admin", "Admin", "User", "admin@moodle.example", "",
        "manual"));
    users.put(WEB_SERVICE_USER_ID, new MoodleUser(WEB_SERVICE_USER_ID, "ws-learnops",
        "LearnOps", "Web service", "ws-learnops@moodle.example", "", "webservice"));
  }

  static Optional<String> categoryName(long categoryId) {
    return Optional.ofNullable(CATEGORIES.get(categoryId));
  }

  synchronized MoodleCourse createCourse(String fullName, String shortName, long categoryId,
      String idNumber, String summary, Optional<Long> startDate, Optional<Long> endDate) {
    if (categoryName(categoryId).isEmpty()) {
      throw MoodleException.invalidParameter("category " + categoryId + " does not exist");
    }
    if (courses.values().stream().anyMatch(c -> c.shortName().equals(shortName))) {
      throw MoodleException.business("shortnametaken",
          "Short name is already used for another course (" + shortName + ")");
    }
    if (!idNumber.isEmpty()
        && courses.values().stream().anyMatch(c -> c.idNumber().equals(idNumber))) {
      throw MoodleException.business("courseidnumbertaken",
          "ID number is already used for another course (" + idNumber + ")");
    }
    MoodleCourse course = new MoodleCourse(nextCourseId++, shortName, fullName, categoryId,
        idNumber, summary, startDate, endDate);
    courses.put(course.id(), course);
    return course;
  }

  public synchronized Optional<MoodleCourse> course(long id) {
    return Optional.ofNullable(courses.get(id));
  }

  /** The course with this {@code idnumber} (LearnOps sets it to the program id). */
  public synchronized Optional<MoodleCourse> courseByIdNumber(String idNumber) {
    return courses.values().stream().filter(c -> c.idNumber().equals(idNumber)).findFirst();
  }

  synchronized List<MoodleCourse> courses(Predicate<MoodleCourse> filter) {
    return courses.values().stream().filter(filter).toList();
  }

  synchronized MoodleUser createUser(String username, String firstName, String lastName,
      String email, String idNumber, String auth) {
    if (users.values().stream().anyMatch(u -> u.username().equals(username))) {
      throw MoodleException.invalidParameter("Username already exists: " + username);
    }
    MoodleUser user = new MoodleUser(nextUserId++, username, firstName, lastName, email,
        idNumber, auth);
    users.put(user.id(), user);
    return user;
  }

  public synchronized Optional<MoodleUser> user(long id) {
    return Optional.ofNullable(users.get(id));
  }

  /** Moodle compares e-mail addresses without regard to case. */
  public synchronized Optional<MoodleUser> userByEmail(String email) {
    return users.values().stream()
        .filter(u -> u.email().toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  public synchronized Optional<MoodleUser> userByUsername(String username) {
    return users.values().stream().filter(u -> u.username().equals(username)).findFirst();
  }

  synchronized List<MoodleUser> users(Predicate<MoodleUser> filter) {
    return users.values().stream().filter(filter).toList();
  }

  /** Enrolling again updates role and dates, as the manual enrolment plugin does. */
  synchronized void enrol(long courseId, long userId, int roleId, Optional<Long> start,
      Optional<Long> end) {
    if (!courses.containsKey(courseId)) {
      throw MoodleException.business("wsnoinstance", "Manual enrolment plugin instance "
          + "doesn't exist or is disabled for the course (id = " + courseId + ")");
    }
    if (!users.containsKey(userId)) {
      throw MoodleException.invalidParameter("user " + userId + " does not exist");
    }
    enrolments.merge(key(courseId, userId),
        new CourseEnrolment(courseId, userId, roleId, start, end, Optional.empty()),
        (existing, fresh) -> existing.updated(roleId, start, end));
  }

  public synchronized Optional<CourseEnrolment> enrolment(long courseId, long userId) {
    return Optional.ofNullable(enrolments.get(key(courseId, userId)));
  }

  /** Users enrolled in a course, by user id. */
  public synchronized List<MoodleUser> enrolledUsers(long courseId) {
    List<MoodleUser> enrolled = new ArrayList<>();
    enrolments.values().stream()
        .filter(e -> e.courseId() == courseId)
        .sorted(Comparator.comparingLong(CourseEnrolment::userId))
        .forEach(e -> enrolled.add(users.get(e.userId())));
    return enrolled;
  }

  /**
   * Marks the course complete for an enrolled user; the first completion counts, as in Moodle.
   *
   * @return whether the user is enrolled (only enrolled users can complete a course)
   */
  public synchronized boolean markCompleted(long courseId, long userId, Instant at) {
    CourseEnrolment enrolment = enrolments.get(key(courseId, userId));
    if (enrolment == null) {
      return false;
    }
    enrolments.put(key(courseId, userId), enrolment.completed(at));
    return true;
  }

  private static String key(long courseId, long userId) {
    return courseId + "/" + userId;
  }
}
