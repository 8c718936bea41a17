package io.learnops.workers.delivery;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.learnops.connectors.lms.moodle.CompletionStatus;
import io.learnops.connectors.lms.moodle.MoodleClient;
import io.learnops.workers.support.ConnectorErrors;
import io.learnops.workers.support.Variables;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.delivery.collect-completions}: each enrolled learner's course completion in
 * Moodle. The learners are those of {@code audienceBatches} (visible in the delivery scope; the
 * Moodle connector has no enrolled-users call yet). A completion counts as on time when its last
 * criterion was met by {@code deliveryEnd}; a completion without dates is not counted on time.
 * Reading only, so a retry is harmless.
 */
@Component
public class CollectCompletionsWorker {

  static final String TYPE = "learnops.delivery.collect-completions";

  private final MoodleClient moodle;

  public CollectCompletionsWorker(MoodleClient moodle) {
    this.moodle = moodle;
  }

  @JobWorker(type = TYPE,
      fetchVariables = {"programId", "courseId", "deliveryEnd", "audienceBatches"})
  public Result collectCompletions(ActivatedJob job,
      @Variable(name = "programId") String programId,
      @Variable(name = "courseId") Long courseId,
      @Variable(name = "deliveryEnd") String deliveryEnd,
      @Variable(name = "audienceBatches") List<List<String>> audienceBatches) {
    Optional<Instant> due = Variables.text(deliveryEnd).map(Instant::parse);
    List<String> learners = audienceBatches == null ? List.of()
        : audienceBatches.stream().flatMap(batch -> Variables.strings(batch).stream())
            .distinct().toList();
    int completed = 0;
    int onTime = 0;
    for (String email : learners) {
      Optional<CompletionStatus> status = ConnectorErrors.call(job,
          () -> moodle.findUserByEmail(email)
              .map(learner -> moodle.completionStatus(courseId, learner.id())));
      if (status.filter(CompletionStatus::completed).isPresent()) {
        completed++;
        if (completedBy(status.get(), due)) {
          onTime++;
        }
      }
    }
    CompletionRates rates = new CompletionRates(learners.size(), completed, onTime);
    return new Result(rates.completionRate(), rates.onTimeCompletionRate(), completed,
        learners.size());
  }

  private static boolean completedBy(CompletionStatus status, Optional<Instant> due) {
    Optional<Instant> last = status.criteria().stream()
        .map(CompletionStatus.Criterion::completedAt).flatMap(Optional::stream)
        .max(Instant::compareTo);
    return last.isPresent() && due.map(d -> !last.get().isAfter(d)).orElse(true);
  }

  public record Result(double completionRate, double onTimeCompletionRate, int completedCount,
      int assignedCount) {
  }
}
