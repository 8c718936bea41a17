package io.learnops.workers.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.learnops.workers.ports.Notifier;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.review.notify-outcome}: tells the requester the review outcome with each
 * approver group's decision and comment. Keyed by the review's element instance, so a rework
 * round notifies again but a retried job does not.
 */
@Component
public class NotifyOutcomeWorker {

  private final Notifier notifier;

  public NotifyOutcomeWorker(Notifier notifier) {
    this.notifier = notifier;
  }

  @JobWorker(type = "learnops.review.notify-outcome",
      fetchVariables = {"programId", "requester", "reviewOutcome", "approvals"})
  public void notifyOutcome(ActivatedJob job, @Variable(name = "programId") String programId,
      @Variable(name = "requester") Object requester,
      @Variable(name = "reviewOutcome") String reviewOutcome,
      @Variable(name = "approvals") List<Map<String, Object>> approvals) {
    notifier.send(new Notifier.Notification(
        "review:" + programId + ":" + job.getElementInstanceKey(), programId,
        String.valueOf(requester), "Review of " + programId + ": " + reviewOutcome,
        body(approvals)));
  }

  static String body(List<Map<String, Object>> approvals) {
    if (approvals == null || approvals.isEmpty()) {
      return "No approver comments.";
    }
    return approvals.stream().filter(a -> a != null)
        .map(a -> "- " + a.get("group") + ": " + a.get("outcome")
            + (a.get("comment") == null || a.get("comment").toString().isBlank() ? ""
                : " (" + a.get("comment") + ")"))
        .collect(Collectors.joining("\n"));
  }
}
