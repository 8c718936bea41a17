package io.learnops.app.delivery;

import io.learnops.connectors.lms.xapi.LearningStatement;
import io.learnops.connectors.lms.xapi.LearningStatement.Verb;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Who has finished a course according to the LRS: a learner with a {@code passed}, {@code failed}
 * or {@code completed} statement on the course activity. A failed learner counts: they sat the
 * final assessment, and a retake is theirs to arrange, not a reason to hold the cohort open.
 * Learners are told apart by {@code mbox}, else by account ({@code homePage|name}), so a learner
 * with several attempts counts once.
 */
final class FinishedLearners {

  /** The verbs that end a learner's course; the LRS can be asked for each. */
  static final List<Verb> VERBS = List.of(Verb.PASSED, Verb.FAILED, Verb.COMPLETED);

  private FinishedLearners() {}

  static int count(String courseActivity, Collection<LearningStatement> statements) {
    return (int) statements.stream()
        .filter(s -> courseActivity.equals(s.activity().id()))
        .filter(s -> VERBS.stream().anyMatch(v -> v.id().equals(s.verb().id())))
        .map(s -> learner(s.actor()))
        .distinct()
        .count();
  }

  private static String learner(LearningStatement.Actor actor) {
    return actor.mbox().orElseGet(() -> actor.account().map(a -> a.homePage() + "|" + a.name())
        .orElseThrow(() -> new IllegalArgumentException("an actor has an mbox or an account")));
  }
}
