package io.learnops.workers.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.learnops.workers.ports.Notifier;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.review.escalate-approval}: tells the escalation owner that the approval of the
 * group that missed its deadline moved to them. Keyed by program and group, so sent once.
 */
@Component
public class EscalateApprovalWorker {

  private final Notifier notifier;

  public EscalateApprovalWorker(Notifier notifier) {
    this.notifier = notifier;
  }

  @JobWorker(type = "learnops.review.escalate-approval",
      fetchVariables = {"programId", "approverGroup", "escalateTo"})
  public void escalateApproval(@Variable(name = "programId") String programId,
      @Variable(name = "approverGroup") String approverGroup,
      @Variable(name = "escalateTo") String escalateTo) {
    notifier.send(new Notifier.Notification("escalation:" + programId + ":" + approverGroup,
        programId, escalateTo == null ? "ld-manager" : escalateTo,
        "Approval of " + programId + " escalated to you",
        "Group " + approverGroup + " did not decide in time; the approval is now yours."));
  }
}
