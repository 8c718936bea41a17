package io.learnops.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReviewProcessTest {

  @RegisterExtension static final EngineExtension ENGINE = new EngineExtension();

  @BeforeAll
  static void deploy() {
    ENGINE.deploy("review.bpmn", "review-approvers.dmn", "program-approval.form");
  }

  private static long startReview(String programId, long budget, boolean compliance) {
    return ENGINE.start("review", Fixtures.merge(Fixtures.request(programId), Fixtures.sla(),
        Map.of("budget", budget, "riskLevel", "low", "complianceRelated", compliance, "designChoice", "build")));
  }

  @Test
  void a_small_program_needs_only_the_ld_manager() {
    long review = startReview("P-300", 5000, false);

    var task = ENGINE.completeUserTask(review, "Approve", Map.of("approvalOutcome", "approved", "approvalComment", "ok"));

    assertThat(task.getCandidateGroups()).containsExactly("ld-manager");
    var notification = ENGINE.completeJob(review, "learnops.review.notify-outcome");
    assertThat(notification.getVariablesAsMap()).containsEntry("reviewOutcome", "approved");
    assertThat((List<?>) notification.getVariablesAsMap().get("approvals")).hasSize(1);
    ENGINE.awaitCompleted(review);
  }

  @Test
  void a_large_program_is_approved_in_parallel_and_one_change_request_sends_it_back() {
    long review = startReview("P-301", 80000, true);

    var tasks = ENGINE.awaitUserTasks(review, "Approve", 4);
    assertThat(tasks).flatExtracting(t -> t.getCandidateGroups())
        .containsExactlyInAnyOrder("ld-manager", "business-sponsor", "finance", "compliance");
    for (var task : tasks) {
      String outcome = task.getCandidateGroups().contains("finance") ? "changes-requested" : "approved";
      ENGINE.client().newCompleteUserTaskCommand(task.getUserTaskKey())
          .variables(Map.of("approvalOutcome", outcome, "approvalComment", "checked")).send().join();
    }

    var notification = ENGINE.completeJob(review, "learnops.review.notify-outcome");
    assertThat(notification.getVariablesAsMap()).containsEntry("reviewOutcome", "changes-requested");
    assertThat((List<?>) notification.getVariablesAsMap().get("approvals")).hasSize(4);
    ENGINE.awaitCompleted(review);
  }

  @Test
  void an_approval_left_open_is_reminded_then_escalated_to_the_ld_manager() {
    long review = startReview("P-302", 12000, false);
    ENGINE.awaitUserTasks(review, "Approve", 2);

    // when two days pass, both groups are reminded and the tasks stay open
    ENGINE.advanceClock(Duration.ofDays(2));
    ENGINE.completeJob(review, "learnops.review.send-reminder");
    ENGINE.completeJob(review, "learnops.review.send-reminder");
    ENGINE.awaitUserTasks(review, "Approve", 2);

    // when five days pass, both approvals are escalated
    ENGINE.advanceClock(Duration.ofDays(3));
    var escalation = ENGINE.completeJob(review, "learnops.review.escalate-approval");
    ENGINE.completeJob(review, "learnops.review.escalate-approval");
    assertThat(escalation.getVariablesAsMap()).containsEntry("escalateTo", "ld-manager");
    var escalated = ENGINE.awaitUserTasks(review, "DecideEscalatedApproval", 2);
    assertThat(escalated).allSatisfy(t -> assertThat(t.getCandidateGroups()).containsExactly("ld-manager"));
    for (var task : escalated) {
      ENGINE.client().newCompleteUserTaskCommand(task.getUserTaskKey())
          .variables(Map.of("approvalOutcome", "rejected", "approvalComment", "no budget")).send().join();
    }

    // then the rejection is notified
    var notification = ENGINE.completeJob(review, "learnops.review.notify-outcome");
    assertThat(notification.getVariablesAsMap()).containsEntry("reviewOutcome", "rejected");
    ENGINE.awaitCompleted(review);
    assertThat(ENGINE.completedElements(review)).contains("Remind", "SendReminder", "Escalate", "EscalatedApprovalRecorded")
        .doesNotContain("ApprovalRecorded");
  }
}
