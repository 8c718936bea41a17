package io.learnops.workers.evaluation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.learnops.workers.support.Variables;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.evaluation.compute-l3}: application rates per offset from the managers'
 * follow-ups ({@link ApplicationRates}); follow-ups without an answer (null) are left out, and
 * without any {@code l3ApplicationRate} is null.
 */
@Component
public class ComputeL3Worker {

  @JobWorker(type = "learnops.evaluation.compute-l3", fetchVariables = {"programId", "l3FollowUps"})
  public Result computeL3(@Variable(name = "programId") String programId,
      @Variable(name = "l3FollowUps") List<Map<String, Object>> l3FollowUps) {
    List<ApplicationRates.FollowUp> followUps = l3FollowUps == null ? List.of()
        : l3FollowUps.stream().filter(Objects::nonNull)
            .filter(f -> f.get("offset") != null && Variables.number(f.get("appliedShare")).isPresent())
            .map(f -> new ApplicationRates.FollowUp(f.get("offset").toString(),
                Variables.number(f.get("appliedShare")).orElseThrow()))
            .toList();
    Map<String, Double> rates = ApplicationRates.byOffset(followUps);
    OptionalDouble latest = ApplicationRates.latest(rates);
    return new Result(rates, latest.isPresent() ? latest.getAsDouble() : null);
  }

  public record Result(Map<String, Double> l3ApplicationRates, Double l3ApplicationRate) {
  }
}
