package io.learnops.workers.tasks;

import static io.learnops.workers.support.Variables.field;
import static io.learnops.workers.support.Variables.text;

import java.util.Map;
import java.util.Optional;

/**
 * Which user tasks are decisions, and what their forms decided: the task's element id names the
 * decision, the form's variables give its outcome and the person's reason. A task that is no
 * decision, or whose outcome is missing, gives none.
 */
final class TaskDecisions {

  // every variable of() reads: the listener job fetches only these and programId
  static final String APPROVER_GROUP = "approverGroup";
  static final String INTAKE_DECISION = "intakeDecision";
  static final String INTAKE_DECISION_REASON = "intakeDecisionReason";
  static final String DESIGN_CHOICE = "designChoice";
  static final String SELECTED_VENDOR = "selectedVendor";
  static final String SELECTION_RATIONALE = "selectionRationale";
  static final String APPROVAL_OUTCOME = "approvalOutcome";
  static final String APPROVAL_COMMENT = "approvalComment";
  static final String PROGRAM_DECISION = "programDecision";
  static final String IMPROVEMENT_NOTES = "improvementNotes";

  private TaskDecisions() {
  }

  record TaskDecision(String decision, String outcome, Optional<String> comment) {
  }

  static Optional<TaskDecision> of(String elementId, Map<String, Object> variables) {
    if (elementId == null) {
      return Optional.empty();
    }
    return switch (elementId) {
      case "DecideRequest" -> decision("intake", text(variables.get(INTAKE_DECISION)),
          variables.get(INTAKE_DECISION_REASON));
      case "AnalyseNeeds" -> decision("design choice", text(variables.get(DESIGN_CHOICE)), null);
      case "SelectVendor" -> decision("vendor selection", vendor(variables.get(SELECTED_VENDOR)),
          variables.get(SELECTION_RATIONALE));
      case "Approve" -> decision(
          text(variables.get(APPROVER_GROUP)).map(group -> "approval by " + group).orElse("approval"),
          text(variables.get(APPROVAL_OUTCOME)), variables.get(APPROVAL_COMMENT));
      case "DecideEscalatedApproval" -> decision("escalated approval",
          text(variables.get(APPROVAL_OUTCOME)), variables.get(APPROVAL_COMMENT));
      case "DecideFuture" -> decision("program future", text(variables.get(PROGRAM_DECISION)),
          variables.get(IMPROVEMENT_NOTES));
      default -> Optional.empty();
    };
  }

  /** The vendor by name as people know it; its id if the form left the name out. */
  private static Optional<String> vendor(Object selectedVendor) {
    return field(selectedVendor, "name").or(() -> field(selectedVendor, "id"));
  }

  private static Optional<TaskDecision> decision(String name, Optional<String> outcome, Object comment) {
    return outcome.map(o -> new TaskDecision(name, o, text(comment)));
  }
}
