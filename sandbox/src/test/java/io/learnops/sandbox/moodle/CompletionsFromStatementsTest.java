package io.learnops.sandbox.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnops.sandbox.xapi.StoredStatement;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The documented mapping from LRS statements to Moodle completions. */
class CompletionsFromStatementsTest {

  private static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
  private static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
  private static final String FAILED = "http://adlnet.gov/expapi/verbs/failed";
  private static final Instant AT = Instant.parse("2026-05-04T10:00:00Z");

  private final ObjectMapper mapper = new ObjectMapper();
  private final MoodleState moodle = new MoodleState();
  private final CompletionsFromStatements feed = new CompletionsFromStatements(moodle);
  private MoodleCourse course;
  private MoodleUser ada;

  @BeforeEach
  void enrolAda() {
    course = moodle.createCourse("GDPR", "GDPR-1", 1, "p-1", "", Optional.empty(),
        Optional.empty());
    ada = moodle.createUser("ada", "Ada", "Abbott", "ada@acme.example", "E1", "manual");
    moodle.enrol(course.id(), ada.id(), 5, Optional.empty(), Optional.empty());
  }

  @Test
  void completed_with_the_learners_mbox_on_the_course_url_completes_at_the_timestamp() {
    feed.stored(statement(COMPLETED, mbox("ADA@acme.example"), courseUrl(course.id())));

    assertThat(moodle.enrolment(course.id(), ada.id()).orElseThrow().completedAt())
        .contains(AT);
  }

  @Test
  void passed_with_the_moodle_username_as_account_completes() {
    ObjectNode actor = mapper.createObjectNode();
    actor.putObject("account").put("homePage", "https://lms.acme.example").put("name", "ada");

    feed.stored(statement(PASSED, actor, courseUrl(course.id())));

    assertThat(moodle.enrolment(course.id(), ada.id()).orElseThrow().completedAt()).isPresent();
  }

  @Test
  void failed_another_activity_or_a_learner_not_enrolled_complete_nothing() {
    MoodleUser ben = moodle.createUser("ben", "Ben", "B", "ben@acme.example", "", "manual");

    feed.stored(statement(FAILED, mbox("ada@acme.example"), courseUrl(course.id())));
    feed.stored(statement(PASSED, mbox("ada@acme.example"), "https://lms.acme.example/mod/quiz"));
    feed.stored(statement(PASSED, mbox("ben@acme.example"), courseUrl(course.id())));

    assertThat(moodle.enrolment(course.id(), ada.id()).orElseThrow().completedAt()).isEmpty();
    assertThat(moodle.enrolment(course.id(), ben.id())).isEmpty();
  }

  @Test
  void the_first_completion_counts() {
    feed.stored(statement(PASSED, mbox("ada@acme.example"), courseUrl(course.id())));
    ObjectNode later = statement(COMPLETED, mbox("ada@acme.example"), courseUrl(course.id()))
        .json().put("timestamp", AT.plusSeconds(3600).toString());

    feed.stored(new StoredStatement(2, UUID.randomUUID(), AT, later, later));

    assertThat(moodle.enrolment(course.id(), ada.id()).orElseThrow().completedAt())
        .contains(AT);
  }

  private static String courseUrl(long courseId) {
    return CompletionsFromStatements.courseActivityId("https://lms.acme.example/", courseId);
  }

  private ObjectNode mbox(String email) {
    return mapper.createObjectNode().put("mbox", "mailto:" + email);
  }

  private StoredStatement statement(String verb, ObjectNode actor, String activity) {
    ObjectNode json = mapper.createObjectNode();
    json.set("actor", actor);
    json.putObject("verb").put("id", verb);
    json.putObject("object").put("id", activity);
    json.put("timestamp", AT.toString());
    return new StoredStatement(1, UUID.randomUUID(), AT, json, json);
  }
}
