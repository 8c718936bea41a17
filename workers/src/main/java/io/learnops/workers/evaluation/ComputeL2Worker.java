package io.learnops.workers.evaluation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.learnops.connectors.lms.xapi.LearningStatement;
import io.learnops.connectors.lms.xapi.StatementQuery;
import io.learnops.connectors.lms.xapi.XapiClient;
import io.learnops.workers.support.ConnectorErrors;
import io.learnops.workers.support.ConnectorsProperties;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.evaluation.compute-l2}: from the LRS, for the course activity
 * {@code <activityBase><courseId>}: pass rate and first-attempt pass rate from its {@code passed}
 * and {@code failed} statements ({@link PassRates}); knowledge gain and normalised gain from the
 * scaled scores of the activities {@code …/pre-test} and {@code …/post-test} ({@link
 * KnowledgeGain}, max = 1; the latest score per learner counts). Missing gains are null.
 */
@Component
public class ComputeL2Worker {

  private final XapiClient lrs;
  private final ConnectorsProperties.Xapi settings;

  public ComputeL2Worker(XapiClient lrs, ConnectorsProperties properties) {
    this.lrs = lrs;
    this.settings = properties.xapi();
  }

  @JobWorker(type = "learnops.evaluation.compute-l2", fetchVariables = {"programId", "courseId"})
  public Result computeL2(ActivatedJob job, @Variable(name = "programId") String programId,
      @Variable(name = "courseId") Object courseId) {
    String activity = settings.activityBase() + courseId;
    List<PassRates.Attempt> attempts = ConnectorErrors.call(job, () -> query(activity)).stream()
        .filter(s -> isVerb(s, LearningStatement.Verb.PASSED) || isVerb(s, LearningStatement.Verb.FAILED))
        .map(s -> new PassRates.Attempt(s.actor().identity(), time(s).toEpochMilli(),
            isVerb(s, LearningStatement.Verb.PASSED)))
        .toList();
    PassRates rates = PassRates.of(attempts);
    KnowledgeGain gain = KnowledgeGain.of(
        scores(ConnectorErrors.call(job, () -> query(activity + "/pre-test"))),
        scores(ConnectorErrors.call(job, () -> query(activity + "/post-test"))), 1.0);
    return new Result(rates.passRate(), rates.firstAttemptPassRate(), value(gain.meanGain()),
        value(gain.normalisedGain()));
  }

  private List<LearningStatement> query(String activity) {
    return lrs.queryAll(StatementQuery.all().activity(activity), settings.maxPages());
  }

  private static Map<String, Double> scores(List<LearningStatement> statements) {
    Map<String, Double> latest = new HashMap<>();
    Map<String, Instant> at = new HashMap<>();
    for (LearningStatement s : statements) {
      var scaled = s.result().flatMap(LearningStatement.Result::scaled);
      if (scaled.isPresent()) {
        String learner = s.actor().identity();
        if (!at.containsKey(learner) || time(s).isAfter(at.get(learner))) {
          latest.put(learner, scaled.get());
          at.put(learner, time(s));
        }
      }
    }
    return latest;
  }

  private static boolean isVerb(LearningStatement s, LearningStatement.Verb verb) {
    return verb.id().equals(s.verb().id());
  }

  private static Instant time(LearningStatement s) {
    return s.timestamp().or(s::stored).orElse(Instant.EPOCH);
  }

  private static Double value(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }

  public record Result(double passRate, double firstAttemptPassRate, Double knowledgeGain,
      Double normalisedGain) {
  }
}
