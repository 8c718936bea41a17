package io.learnops.workers.evaluation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.learnops.workers.ports.SurveyService;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.evaluation.send-follow-up}: the L3 behaviour survey at one offset to learners
 * and their managers, through {@link SurveyService} (idempotent per program and offset).
 */
@Component
public class SendFollowUpWorker {

  private final SurveyService surveys;

  public SendFollowUpWorker(SurveyService surveys) {
    this.surveys = surveys;
  }

  @JobWorker(type = "learnops.evaluation.send-follow-up",
      fetchVariables = {"programId", "followUpOffset"})
  public Result sendFollowUp(@Variable(name = "programId") String programId,
      @Variable(name = "followUpOffset") String followUpOffset) {
    return new Result(surveys.sendFollowUp(programId, followUpOffset));
  }

  public record Result(String followUpSurveyId) {
  }
}
