package io.learnops.sandbox.moodle;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnops.sandbox.xapi.StatementListener;
import io.learnops.sandbox.xapi.StoredStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks Moodle course completions from LRS statements, as a Moodle site with an xAPI plugin
 * would, so that "wait for completions" sees progress when learners finish.
 *
 * <p>The mapping: the verb is {@code completed} or {@code passed} (ADL IRIs; {@code failed}
 * marks nothing); the activity id is a course URL ending in {@code /course/view.php?id=<courseId>}
 * (any host, so a real site's course URL works too); the actor's {@code mbox} is the Moodle
 * account's e-mail, or its {@code account.name} the Moodle username. The user must be enrolled.
 * The completion time is the statement's {@code timestamp}. Statements that do not map are kept
 * by the LRS and otherwise ignored.
 */
public final class CompletionsFromStatements implements StatementListener {

  static final Set<String> COMPLETING_VERBS = Set.of("http://adlnet.gov/expapi/verbs/completed",
      "http://adlnet.gov/expapi/verbs/passed");
  private static final Pattern COURSE = Pattern.compile(".*/course/view\\.php\\?id=(\\d+)$");

  private final MoodleState state;

  public CompletionsFromStatements(MoodleState state) {
    this.state = state;
  }

  /** The activity id the mapping recognises for a course, relative to a Moodle site root. */
  public static String courseActivityId(String siteUrl, long courseId) {
    return siteUrl.replaceAll("/+$", "") + "/course/view.php?id=" + courseId;
  }

  @Override
  public void stored(StoredStatement statement) {
    JsonNode json = statement.json();
    if (!COMPLETING_VERBS.contains(json.path("verb").path("id").asText())) {
      return;
    }
    Matcher course = COURSE.matcher(json.path("object").path("id").asText());
    if (!course.matches()) {
      return;
    }
    long courseId = Long.parseLong(course.group(1));
    Instant at = OffsetDateTime.parse(json.path("timestamp").asText()).toInstant();
    learner(json.path("actor"))
        .ifPresent(user -> state.markCompleted(courseId, user.id(), at));
  }

  private Optional<MoodleUser> learner(JsonNode actor) {
    String mbox = actor.path("mbox").asText("");
    if (mbox.startsWith("mailto:")) {
      return state.userByEmail(mbox.substring("mailto:".length()));
    }
    return Optional.of(actor.path("account").path("name").asText(""))
        .filter(name -> !name.isEmpty())
        .flatMap(state::userByUsername);
  }
}
