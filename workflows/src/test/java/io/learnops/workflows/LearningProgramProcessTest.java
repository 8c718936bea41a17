package io.learnops.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.engine.record.Intent.ProcessInstanceIntent;
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

    Drive.intake(ENGINE, intake, "decline");

    ENGINE.awaitCompleted(program);
    assertThat(ENGINE.completedElements(program)).containsSubsequence("Intake", "IntakeDecision", "NotAccepted");
    assertThat(stageListenerJobs(program)).containsExactly("learnops.stage.entered:Intake", "learnops.stage.left:Intake");
    assertThat(ENGINE.listenerJobs()).filteredOn(j -> j.getProcessInstanceKey() == program)
        .filteredOn(j -> j.getType().equals("learnops.program.completed")).singleElement()
        .satisfies(j -> assertThat(j.getVariablesAsMap()).containsEntry("intakeDecision", "decline"));
  }

  @Test
  void changes_requested_in_review_loop_back_to_design_and_count_as_rework() {
    long program = ENGINE.start("learning-program", Fixtures.request("P-601"));
    long intake = childInstance("learnops.intake.validate-request");
    Drive.intake(ENGINE, intake, "accept");

    long design = buildDesign(0);
    ENGINE.awaitCompleted(design);
    long review = childInstanceOfUserTaskElement("Approve");
    ENGINE.completeUserTask(review, "Approve", Map.of("approvalOutcome", "changes-requested", "approvalComment", "add a quiz"));
    ENGINE.completeJob(review, "learnops.review.notify-outcome");

    // then design runs again with the rework counted and the approvers' comments visible
    long redesign = buildDesign(1);
    ENGINE.awaitCompleted(redesign);
    ENGINE.awaitElement(program, "Review", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    assertThat(ENGINE.completedElements(program)).containsSubsequence("Design", "Review", "ReviewOutcome", "CountRework", "DesignEntry", "Design");
    assertThat(stageListenerJobs(program)).containsSubsequence(
        "learnops.stage.entered:Design", "learnops.stage.left:Design", "learnops.stage.entered:Review",
        "learnops.stage.left:Review", "learnops.stage.entered:Design");
    ENGINE.client().newCancelInstanceCommand(program).send().join();
  }

  @Test
  void an_approved_program_runs_every_stage_and_reports_each_stage_entry_and_exit() {
    long program = ENGINE.start("learning-program", Fixtures.request("P-602"));
    Drive.intake(ENGINE, childInstance("learnops.intake.validate-request"), "accept");
    buildDesign(0);
    long review = childInstanceOfUserTaskElement("Approve");
    ENGINE.completeUserTask(review, "Approve", Map.of("approvalOutcome", "approved", "approvalComment", "go"));
    ENGINE.completeJob(review, "learnops.review.notify-outcome");
    Drive.deliverBuilt(ENGINE, childInstance("learnops.delivery.create-course"), "P-602");
    long evaluation = childInstance("learnops.evaluation.send-survey");
    var report = Drive.evaluateUntilReport(ENGINE, evaluation);
    assertThat(report.getVariablesAsMap()).containsEntry("priorityTier", 1).containsEntry("courseId", "C-P-602");

    ENGINE.completeUserTask(evaluation, "DecideFuture", Map.of("programDecision", "continue"));

    ENGINE.awaitCompleted(program);
    assertThat(ENGINE.completedElements(program)).containsExactly("ProgramRequested", "Intake", "IntakeDecision", "DesignEntry",
        "Design", "Review", "ReviewOutcome", "Delivery", "Evaluation", "ProgramEvaluated");
    List<String> stages = List.of("Intake", "Design", "Review", "Delivery", "Evaluation");
    assertThat(stageListenerJobs(program)).containsExactlyElementsOf(stages.stream()
        .flatMap(s -> java.util.stream.Stream.of("learnops.stage.entered:" + s, "learnops.stage.left:" + s)).toList());
  }

  @Test
  void a_waitlisted_request_goes_to_design_when_released() {
    long program = ENGINE.start("learning-program", Fixtures.request("P-603"));
    Drive.intake(ENGINE, childInstance("learnops.intake.validate-request"), "waitlist");
    ENGINE.awaitElement(program, "Waitlisted", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    ENGINE.publish("learnops.program.waitlist-released", "P-603", Map.of());

    var analysis = ENGINE.awaitOpenUserTask("AnalyseNeeds");
    assertThat(analysis.getCandidateGroups()).containsExactly("instructional-designer");
    assertThat(ENGINE.completedElements(program)).containsSubsequence("Waitlisted", "WaitlistReleased", "DesignEntry");
    ENGINE.client().newCancelInstanceCommand(program).send().join();
  }

  /** Drives a design instance down the build path; returns its instance key. */
  private static long buildDesign(int expectedRework) {
    long design = childInstanceOfUserTaskElement("AnalyseNeeds");
    ActivatedJob record = Drive.buildDesign(ENGINE, design, 5000);
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
