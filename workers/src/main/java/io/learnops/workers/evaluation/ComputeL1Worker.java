package io.learnops.workers.evaluation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.learnops.workers.ports.SurveyService;
import java.util.List;
import java.util.OptionalDouble;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.evaluation.compute-l1}: learning NPS from the survey's 0–10 answers
 * ({@link LearningNps}); without answers {@code learningNps} is null, not 0.
 */
@Component
public class ComputeL1Worker {

  private final SurveyService surveys;

  public ComputeL1Worker(SurveyService surveys) {
    this.surveys = surveys;
  }

  @JobWorker(type = "learnops.evaluation.compute-l1", fetchVariables = {"programId", "surveyId"})
  public Result computeL1(@Variable(name = "programId") String programId,
      @Variable(name = "surveyId") String surveyId) {
    List<Integer> scores = surveys.recommendationScores(surveyId);
    OptionalDouble nps = LearningNps.of(scores);
    return new Result(nps.isPresent() ? nps.getAsDouble() : null, scores.size());
  }

  public record Result(Double learningNps, int surveyResponses) {
  }
}
