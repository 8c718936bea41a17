package io.learnops.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The top-level process with its real stages: routing between stages, rework and stage listeners. */
class LearningProgramProcessTest {

  @RegisterExtension static final EngineExtension ENGINE = new EngineExtension();

  @BeforeAll
  static void deploy() {
    ENGINE.deploy("learning-program.bpmn", "intake.bpmn", "design.bpmn", "review.bpmn", "delivery.bpmn",
        "evaluation.bpmn", "intake-triage.dmn", "review-approvers.dmn", "program-decision.dmn",
        "intake-decision.form", "needs-analysis.form", "vendor-selection.form", "course-design.form",
        "content-development.form", "program-approval.form", "delivery-issue.form", "l3-follow-up.form",
        "l4-kpi-data.form", "program-decision.form");
  }

  @Test
  void a_declined_request_ends_after_intake_with_the_stage_entered_and_left() {
    // given a request without SLA variables: learning-program supplies the defaults
    long program = ENGINE.start("learning-program", Fixtures.request("P-600"));
    long intake = childInstance("learnops.intake.validate-request");

    ENGINE.completeJob(intake, "learnops.intake.validate-request");
    ENGINE.completeJob(intake, "learnops.intake.check-duplicates");
    ENGINE.completeUserTask(intake, "DecideRequest", Map.of("intakeDecision", "decline", "intakeDecisionReason", "covered by P-42"));
    ENGINE.completeJob(intake, "learnops.intake.notify-requester");

    ENGINE.awaitCompleted(program);
    assertThat(ENGINE.completedElements(program)).containsSubsequence("Intake", "IntakeDecision", "NotAccepted");
    assertThat(stageListenerJobs(program)).containsExactly("learnops.stage.entered:Intake", "learnops.stage.left:Intake");
  }

  @Test
  void changes_requested_in_review_loop_back_to_design_and_count_as_rework() {
    long program = ENGINE.start("learning-program", Fixtures.request("P-601"));
    long intake = childInstance("learnops.intake.validate-request");
    ENGINE.completeJob(intake, "learnops.intake.validate-request");
    ENGINE.completeJob(intake, "learnops.intake.check-duplicates");
    ENGINE.completeUserTask(intake, "DecideRequest", Map.of("intakeDecision", "accept", "intakeDecisionReason", "tier 1"));
    ENGINE.completeJob(intake, "learnops.intake.notify-requester");

    long design = buildDesign(0);
    ENGINE.awaitCompleted(design);
    long review = childInstanceOfUserTaskElement("Approve");
    ENGINE.completeUserTask(review, "Approve", Map.of("approvalOutcome", "changes-requested", "approvalComment", "add a quiz"));
    ENGINE.completeJob(review, "learnops.review.notify-outcome");

    // then design runs again with the rework counted and the approvers' comments visible
    long redesign = buildDesign(1);
    ENGINE.awaitCompleted(redesign);
    ENGINE.awaitElement(program, "Review", "ELEMENT_ACTIVATED");
    assertThat(ENGINE.completedElements(program)).containsSubsequence("Design", "Review", "ReviewOutcome", "CountRework", "DesignEntry", "Design");
    assertThat(stageListenerJobs(program)).containsSubsequence(
        "learnops.stage.entered:Design", "learnops.stage.left:Design", "learnops.stage.entered:Review",
        "learnops.stage.left:Review", "learnops.stage.entered:Design");
    ENGINE.client().newCancelInstanceCommand(program).send().join();
  }

  /** Drives a design instance down the build path; returns its instance key. */
  private static long buildDesign(int expectedRework) {
    long design = childInstanceOfUserTaskElement("AnalyseNeeds");
    ENGINE.completeUserTask(design, "AnalyseNeeds", Map.of("designChoice", "build", "learningObjectives", "Handle GDPR requests",
        "deliveryFormat", "e-learning", "estimatedBudget", 5000, "riskLevel", "low", "complianceRelated", false));
    ENGINE.completeUserTask(design, "DesignCourse", Map.of("designDocumentUrl", "https://docs/d", "plannedHours", 2));
    ENGINE.completeUserTask(design, "DevelopContent", Map.of("contentPackageUrl", "https://lms/p", "estimatedBudget", 5000));
    ActivatedJob record = ENGINE.completeJob(design, "learnops.design.record-design", Map.of("designVersion", expectedRework + 1, "budget", 5000));
    if (expectedRework == 0) {
      assertThat(record.getVariablesAsMap().get("reworkCount")).isNull();
    } else {
      assertThat(record.getVariablesAsMap()).containsEntry("reworkCount", expectedRework);
      assertThat((List<?>) record.getVariablesAsMap().get("approvals")).isNotEmpty();
    }
    return design;
  }

  private static long childInstance(String jobType) {
    ActivatedJob job = ENGINE.awaitAnyJob(jobType);
    ENGINE.client().newFailCommand(job).retries(job.getRetries()).send().join();
    return job.getProcessInstanceKey();
  }

  private static long childInstanceOfUserTaskElement(String elementId) {
    return ENGINE.awaitOpenUserTask(elementId).getProcessInstanceKey();
  }

  private static List<String> stageListenerJobs(long program) {
    return ENGINE.listenerJobs().stream()
        .filter(j -> j.getProcessInstanceKey() == program && j.getType().startsWith("learnops.stage."))
        .map(j -> j.getType() + ":" + j.getElementId()).toList();
  }
}
