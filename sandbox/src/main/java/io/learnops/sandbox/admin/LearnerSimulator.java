package io.learnops.sandbox.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnops.sandbox.moodle.CompletionsFromStatements;
import io.learnops.sandbox.moodle.MoodleCourse;
import io.learnops.sandbox.moodle.MoodleState;
import io.learnops.sandbox.moodle.MoodleUser;
import io.learnops.sandbox.xapi.StatementStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Plays learners finishing a course: stores one xAPI statement per learner in the sandbox LRS,
 * {@code passed} or {@code failed} with {@code result.score.scaled}, {@code success} and
 * {@code completion: true}, on the course's activity id. The LRS then marks the Moodle completion
 * of those who passed, exactly as for statements posted by a real client. A learner with a
 * pre-test score also gets {@code scored} statements on the activities {@code <course>/pre-test}
 * and {@code <course>/post-test}, from which L2 measures the knowledge gain.
 */
public final class LearnerSimulator {

  static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
  static final String FAILED = "http://adlnet.gov/expapi/verbs/failed";
  static final String SCORED = "http://adlnet.gov/expapi/verbs/scored";

  private final StatementStore lrs;
  private final MoodleState moodle;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final long seed;

  public LearnerSimulator(StatementStore lrs, MoodleState moodle, ObjectMapper mapper,
      Clock clock, long seed) {
    this.lrs = lrs;
    this.moodle = moodle;
    this.mapper = mapper;
    this.clock = clock;
    this.seed = seed;
  }

  /** Stores the given results for a course of the Moodle stand-in; returns the statement ids. */
  public List<UUID> finish(String moodleSiteUrl, long courseId, List<LearnerResult> results) {
    String activity = CompletionsFromStatements.courseActivityId(moodleSiteUrl, courseId);
    String courseName = moodle.course(courseId).map(MoodleCourse::fullName).orElseThrow(
        () -> new IllegalArgumentException("the Moodle stand-in has no course " + courseId));
    List<ObjectNode> statements = new ArrayList<>();
    for (LearnerResult result : results) {
      statements.add(statement(activity, courseName, result));
      if (result.preTestScaled() != null) {
        statements.add(scored(activity + "/pre-test", courseName + ": pre-test", result.email(),
            result.preTestScaled()));
        statements.add(scored(activity + "/post-test", courseName + ": post-test", result.email(),
            result.scaled()));
      }
    }
    return lrs.store(statements, simulatorAuthority());
  }

  /**
   * Every learner enrolled in the course finishes it; the first {@code passRate} share (by
   * Moodle user id) passes with 0.70..1.00, the others fail with 0.30..0.69. Each took a pre-test
   * before, scoring 0.10..0.35 less. Scores come from the sandbox seed and the course id, so a test
   * can rely on them.
   */
  public List<LearnerResult> enrolledResults(long courseId, double passRate) {
    if (passRate < 0 || passRate > 1) {
      throw new IllegalArgumentException("passRate must be within 0..1");
    }
    List<MoodleUser> enrolled = moodle.enrolledUsers(courseId);
    long passing = Math.round(enrolled.size() * passRate);
    Random random = new Random(seed * 31 + courseId);
    List<LearnerResult> results = new ArrayList<>();
    for (int i = 0; i < enrolled.size(); i++) {
      boolean passed = i < passing;
      double scaled = passed ? 0.70 + random.nextInt(31) / 100.0
          : 0.30 + random.nextInt(40) / 100.0;
      double pre = Math.max(0, Math.round((scaled - 0.10 - random.nextInt(26) / 100.0) * 100) / 100.0);
      results.add(new LearnerResult(enrolled.get(i).email(), scaled, passed, pre));
    }
    return results;
  }

  private ObjectNode statement(String activity, String courseName, LearnerResult result) {
    ObjectNode statement = statement(result.success() ? PASSED : FAILED,
        result.success() ? "passed" : "failed", result.email(), activity, courseName,
        "http://adlnet.gov/expapi/activities/course");
    ObjectNode outcome = statement.putObject("result");
    outcome.putObject("score").put("scaled", result.scaled());
    outcome.put("success", result.success());
    outcome.put("completion", true);
    return statement;
  }

  private ObjectNode scored(String activity, String name, String email, double scaled) {
    ObjectNode statement = statement(SCORED, "scored", email, activity, name,
        "http://adlnet.gov/expapi/activities/assessment");
    statement.putObject("result").putObject("score").put("scaled", scaled);
    return statement;
  }

  /** A statement of {@code email} doing {@code verb} to the activity, timed now, without result. */
  private ObjectNode statement(String verbId, String verbDisplay, String email, String activity,
      String activityName, String activityType) {
    ObjectNode statement = mapper.createObjectNode();
    statement.put("id", UUID.randomUUID().toString());
    ObjectNode actor = statement.putObject("actor");
    actor.put("objectType", "Agent");
    actor.put("mbox", "mailto:" + email);
    ObjectNode verb = statement.putObject("verb");
    verb.put("id", verbId);
    verb.putObject("display").put("en-US", verbDisplay);
    ObjectNode object = statement.putObject("object");
    object.put("objectType", "Activity");
    object.put("id", activity);
    ObjectNode definition = object.putObject("definition");
    definition.putObject("name").put("en-US", activityName);
    definition.put("type", activityType);
    statement.put("timestamp", clock.instant().toString());
    return statement;
  }

  private ObjectNode simulatorAuthority() {
    ObjectNode authority = mapper.createObjectNode();
    authority.put("objectType", "Agent");
    authority.put("name", "sandbox learner simulator");
    authority.putObject("account").put("homePage", "urn:learnops:sandbox")
        .put("name", "learner-simulator");
    return authority;
  }
}
