package io.learnops.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.connectors.lms.xapi.LearningStatement;
import io.learnops.connectors.lms.xapi.LearningStatement.Activity;
import io.learnops.connectors.lms.xapi.LearningStatement.Actor;
import io.learnops.connectors.lms.xapi.LearningStatement.Verb;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who has finished a course: distinct learners with a passed, failed or completed statement on it. */
class FinishedLearnersTest {

  private static final String COURSE = "http://lms.example/course/view.php?id=7";
  private static final Verb EXPERIENCED = new Verb("http://adlnet.gov/expapi/verbs/experienced", "experienced");

  @Test
  void passedFailedAndCompletedLearnersHaveFinishedOthersHaveNot() {
    // given one learner per verb on the course
    final List<LearningStatement> statements = List.of(
        statement(Actor.byEmail("Ann", "ann@acme.example"), Verb.PASSED, COURSE),
        statement(Actor.byEmail("Bob", "bob@acme.example"), Verb.FAILED, COURSE),
        statement(Actor.byAccount("Cy", "http://lms.example", "cy"), Verb.COMPLETED, COURSE),
        statement(Actor.byEmail("Dee", "dee@acme.example"), EXPERIENCED, COURSE));

    // then the passed, the failed and the completed learner have finished; the one still at it has not
    assertThat(FinishedLearners.count(COURSE, statements)).isEqualTo(3);
  }

  @Test
  void aLearnerCountsOnceHoweverManyAttemptsAndAnotherCourseDoesNotCount() {
    // given a learner who failed then passed, and a learner who passed another course
    final Actor ann = Actor.byEmail("Ann", "ann@acme.example");
    final List<LearningStatement> statements = List.of(
        statement(ann, Verb.FAILED, COURSE),
        statement(ann, Verb.PASSED, COURSE),
        statement(Actor.byEmail("Bob", "bob@acme.example"), Verb.PASSED, "http://lms.example/course/view.php?id=8"));

    // then one learner has finished this course
    assertThat(FinishedLearners.count(COURSE, statements)).isEqualTo(1);
  }

  @Test
  void accountsOnDifferentSystemsAreDifferentLearners() {
    // given two accounts with the same name on two systems
    final List<LearningStatement> statements = List.of(
        statement(Actor.byAccount("Cy", "http://lms.example", "cy"), Verb.PASSED, COURSE),
        statement(Actor.byAccount("Cy", "http://other.example", "cy"), Verb.PASSED, COURSE));

    // then they are two learners
    assertThat(FinishedLearners.count(COURSE, statements)).isEqualTo(2);
  }

  private static LearningStatement statement(Actor actor, Verb verb, String activity) {
    return LearningStatement.of(actor, verb, Activity.of(activity), Instant.parse("2026-05-04T10:00:00Z"));
  }
}
