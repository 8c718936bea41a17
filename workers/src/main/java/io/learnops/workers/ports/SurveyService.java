package io.learnops.workers.ports;

import java.util.List;

/**
 * Surveys sent to learners and managers. Sending is idempotent per program (and offset): a
 * repeat returns the id of the survey sent first.
 */
public interface SurveyService {

  /** The L1 reaction survey (0–10 recommendation question) to the completers of the course. */
  String sendReactionSurvey(String programId, long courseId);

  /** The 0–10 recommendation answers received for a reaction survey. */
  List<Integer> recommendationScores(String surveyId);

  /** The L3 behaviour follow-up to learners and their managers at an offset such as P30D. */
  String sendFollowUp(String programId, String offset);
}
