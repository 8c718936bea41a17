package io.learnops.app.delivery;

import io.learnops.connectors.lms.xapi.LearningStatement;
import io.learnops.connectors.lms.xapi.LearningStatement.Verb;
import java.util.Collection;
import java.util.List;

/**
 * Who has finished a course according to the LRS: a learner with a {@code passed}, {@code failed}
 * or {@code completed} statement on the course activity. A failed learner counts: they sat the
 * final assessment, and a retake is theirs to arrange, not a reason to hold the cohort open.
 * Learners are told apart by their xAPI identity, so a learner with several attempts counts once.
 */
final class FinishedLearners {

  /** The verbs that end a learner's course. */
  private static final List<Verb> VERBS = List.of(Verb.PASSED, Verb.FAILED, Verb.COMPLETED);

  private FinishedLearners() {}

  static int count(String courseActivity, Collection<LearningStatement> statements) {
    return (int) statements.stream()
        .filter(s -> courseActivity.equals(s.activity().id()))
        .filter(s -> VERBS.stream().anyMatch(v -> v.id().equals(s.verb().id())))
        .map(s -> s.actor().identity())
        .distinct()
        .count();
  }
}
