package io.learnops.workers.evaluation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.learnops.workers.ports.SurveyService;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.evaluation.send-survey}: the L1 reaction survey to the completers, through the
 * {@link SurveyService} port (idempotent per program).
 */
@Component
public class SendSurveyWorker {

  private final SurveyService surveys;

  public SendSurveyWorker(SurveyService surveys) {
    this.surveys = surveys;
  }

  @JobWorker(type = "learnops.evaluation.send-survey", fetchVariables = {"programId", "courseId"})
  public Result sendSurvey(@Variable(name = "programId") String programId,
      @Variable(name = "courseId") Long courseId) {
    return new Result(surveys.sendReactionSurvey(programId, courseId));
  }

  public record Result(String surveyId) {
  }
}
