package io.learnops.app.evaluation;

import io.learnops.workers.ports.SurveyService;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Surveys in {@code program_survey}, answers in {@code survey_response}. A survey's id is
 * derived from the program (and offset), {@code <programId>-l1} or
 * {@code <programId>-l3-<offset>}, so sending again returns the id sent first. Answers come in
 * through {@code POST /api/programs/{id}/surveys/{surveyId}/responses}.
 */
@Component
public class JdbcSurveyService implements SurveyService {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcSurveyService.class);

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcSurveyService(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public String sendReactionSurvey(String programId, long courseId) {
    return send(programId + "-l1", programId, "L1", "-", courseId);
  }

  @Override
  public List<Integer> recommendationScores(String surveyId) {
    return jdbc.sql("select recommendation from survey_response where survey_id = :id order by id")
        .param("id", surveyId).query(Integer.class).list();
  }

  @Override
  public String sendFollowUp(String programId, String offset) {
    return send(programId + "-l3-" + offset, programId, "L3", offset, null);
  }

  /** The survey's program, if it exists. */
  public Optional<String> programOf(String surveyId) {
    return jdbc.sql("select program_id from program_survey where id = :id")
        .param("id", surveyId).query(String.class).optional();
  }

  /** The program's surveys in the order they were sent, with how many have answered. */
  public List<Survey> surveysOf(String programId) {
    return jdbc.sql("""
            select s.id, s.kind, s.offset_period, s.sent_at, count(r.id) as responses
              from program_survey s left join survey_response r on r.survey_id = s.id
             where s.program_id = :programId
             group by s.id, s.kind, s.offset_period, s.sent_at
             order by s.sent_at, s.id""")
        .param("programId", programId)
        .query((rs, row) -> new Survey(rs.getString("id"), rs.getString("kind"),
            "-".equals(rs.getString("offset_period")) ? null : rs.getString("offset_period"),
            rs.getObject("sent_at", OffsetDateTime.class).toInstant(), rs.getInt("responses")))
        .list();
  }

  /**
   * Records a respondent's 0–10 answer; the same respondent answering again replaces the
   * answer. False when the survey does not exist.
   */
  public boolean respond(String surveyId, SurveyResponse response) {
    if (programOf(surveyId).isEmpty()) {
      return false;
    }
    final int updated = jdbc.sql("""
            update survey_response set recommendation = :score, comment = :comment, responded_at = :at
             where survey_id = :id and respondent = :respondent""")
        .param("score", response.recommendation()).param("comment", response.comment())
        .param("at", clock.instant().atOffset(ZoneOffset.UTC))
        .param("id", surveyId).param("respondent", response.respondent())
        .update();
    if (updated == 0) {
      jdbc.sql("""
              insert into survey_response (survey_id, respondent, recommendation, comment, responded_at)
              values (:id, :respondent, :score, :comment, :at)""")
          .param("id", surveyId).param("respondent", response.respondent())
          .param("score", response.recommendation()).param("comment", response.comment())
          .param("at", clock.instant().atOffset(ZoneOffset.UTC))
          .update();
    }
    return true;
  }

  private String send(String surveyId, String programId, String kind, String offset, Long courseId) {
    try {
      jdbc.sql("""
              insert into program_survey (id, program_id, kind, offset_period, course_id, sent_at)
              values (:id, :programId, :kind, :offset, :courseId, :at)""")
          .param("id", surveyId).param("programId", programId).param("kind", kind)
          .param("offset", offset).param("courseId", courseId)
          .param("at", clock.instant().atOffset(ZoneOffset.UTC))
          .update();
      LOG.info("{} survey {} sent for program {}", kind, surveyId, programId);
    } catch (DuplicateKeyException alreadySent) {
      LOG.debug("{} survey {} was sent already", kind, surveyId);
    }
    return surveyId;
  }

  public record SurveyResponse(String respondent, int recommendation, String comment) {
  }

  /**
   * A sent survey: {@code kind} L1 (reaction) or L3 (behaviour follow-up at {@code offset},
   * an ISO 8601 period after evaluation started).
   */
  public record Survey(String id, String kind, String offset, Instant sentAt, int responses) {
  }
}
