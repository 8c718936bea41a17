package io.learnops.workers.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.workers.tasks.TaskDecisions.TaskDecision;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskDecisionsTest {

  @Test
  void the_ld_owner_declines_a_request_with_a_reason() {
    assertThat(TaskDecisions.of("DecideRequest",
        Map.of("intakeDecision", "decline", "intakeDecisionReason", "No budget this year")))
        .contains(new TaskDecision("intake", "decline", Optional.of("No budget this year")));
  }

  @Test
  void the_designer_chooses_to_buy() {
    assertThat(TaskDecisions.of("AnalyseNeeds", Map.of("designChoice", "buy")))
        .contains(new TaskDecision("design choice", "buy", Optional.empty()));
  }

  @Test
  void the_selected_vendor_is_named_as_people_know_it() {
    assertThat(TaskDecisions.of("SelectVendor", Map.of(
        "selectedVendor", Map.of("id", "V-2", "name", "Northwind Academy", "quoteId", "Q-7"),
        "selectionRationale", "Best price for blended delivery")))
        .contains(new TaskDecision("vendor selection", "Northwind Academy",
            Optional.of("Best price for blended delivery")));
  }

  @Test
  void a_vendor_without_a_name_is_named_by_its_id() {
    assertThat(TaskDecisions.of("SelectVendor", Map.of("selectedVendor", Map.of("id", "V-2"))))
        .map(TaskDecision::outcome).contains("V-2");
  }

  @Test
  void each_approver_group_decides_for_itself() {
    assertThat(TaskDecisions.of("Approve", Map.of("approverGroup", "business-sponsor",
        "approvalOutcome", "changes-requested", "approvalComment", "Halve the classroom days")))
        .contains(new TaskDecision("approval by business-sponsor", "changes-requested",
            Optional.of("Halve the classroom days")));
  }

  @Test
  void the_escalated_approval_is_its_own_decision() {
    assertThat(TaskDecisions.of("DecideEscalatedApproval", Map.of("approvalOutcome", "approved")))
        .contains(new TaskDecision("escalated approval", "approved", Optional.empty()));
  }

  @Test
  void the_ld_owner_decides_the_program_future() {
    assertThat(TaskDecisions.of("DecideFuture",
        Map.of("programDecision", "improve", "improvementNotes", "  Shorter modules  ")))
        .contains(new TaskDecision("program future", "improve", Optional.of("Shorter modules")));
  }

  @Test
  void a_task_that_is_no_decision_gives_none() {
    assertThat(TaskDecisions.of("DesignCourse", Map.of("designChoice", "buy"))).isEmpty();
    assertThat(TaskDecisions.of(null, Map.of())).isEmpty();
  }

  @Test
  void a_decision_task_without_its_outcome_gives_none() {
    assertThat(TaskDecisions.of("DecideRequest", Map.of("intakeDecisionReason", "later"))).isEmpty();
    assertThat(TaskDecisions.of("Approve", Map.of("approverGroup", "finance", "approvalOutcome", " ")))
        .isEmpty();
  }
}
