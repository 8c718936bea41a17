package io.learnops.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.app.evaluation.JdbcSurveyService.SurveyResponse;
import io.learnops.app.support.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcSurveyServiceTest {

  private JdbcSurveyService surveys;

  @BeforeEach
  void database() {
    surveys = new JdbcSurveyService(TestDatabase.migrated().jdbc(),
        Clock.fixed(Instant.parse("2026-05-04T08:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void sendingTheReactionSurveyAgainReturnsTheSurveySentFirst() {
    final String first = surveys.sendReactionSurvey("p-1", 7L);
    final String repeat = surveys.sendReactionSurvey("p-1", 7L);

    assertThat(repeat).isEqualTo(first);
    assertThat(surveys.sendReactionSurvey("p-2", 8L)).isNotEqualTo(first);
  }

  @Test
  void followUpsAreOnePerProgramAndOffset() {
    final String day30 = surveys.sendFollowUp("p-1", "P30D");

    assertThat(surveys.sendFollowUp("p-1", "P30D")).isEqualTo(day30);
    assertThat(surveys.sendFollowUp("p-1", "P60D")).isNotEqualTo(day30);
    assertThat(surveys.programOf(day30)).contains("p-1");
  }

  @Test
  void answersAreReadBackAndARespondentAnsweringAgainReplacesTheAnswer() {
    // given a sent survey with two answers, one of them given again
    final String survey = surveys.sendReactionSurvey("p-1", 7L);
    surveys.respond(survey, new SurveyResponse("a@acme.example", 3, null));
    surveys.respond(survey, new SurveyResponse("b@acme.example", 9, "good"));
    surveys.respond(survey, new SurveyResponse("a@acme.example", 8, "changed my mind"));

    // then each respondent counts once with the latest answer
    assertThat(surveys.recommendationScores(survey)).containsExactlyInAnyOrder(8, 9);
  }

  @Test
  void anUnknownSurveyTakesNoAnswersAndHasNone() {
    assertThat(surveys.respond("nope", new SurveyResponse("a@acme.example", 5, null))).isFalse();
    assertThat(surveys.recommendationScores("nope")).isEmpty();
  }
}
