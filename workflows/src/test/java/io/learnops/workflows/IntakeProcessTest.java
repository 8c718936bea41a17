package io.learnops.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IntakeProcessTest {

  @RegisterExtension static final EngineExtension ENGINE = new EngineExtension();

  @BeforeAll
  static void deploy() {
    ENGINE.deploy("intake.bpmn", "intake-triage.dmn", "intake-decision.form");
  }

  @Test
  void a_valid_request_is_triaged_and_decided_by_the_ld_owner() {
    // given a tier-1 request (impact high 3 + audience 600 3 + mandatory 3 + urgency medium 2 = 11)
    long intake = ENGINE.start("intake", Fixtures.merge(Fixtures.request("P-100"), Fixtures.sla()));
    ENGINE.completeJob(intake, "learnops.intake.validate-request");
    ENGINE.completeJob(intake, "learnops.intake.check-duplicates",
        Map.of("similarPrograms", java.util.List.of()));

    var task = ENGINE.awaitUserTasks(intake, "DecideRequest", 1).get(0);

    // when an L&D owner takes the task and accepts
    ENGINE.client().newAssignUserTaskCommand(task.getUserTaskKey()).assignee("lena").send().join();
    ENGINE.client().newCompleteUserTaskCommand(task.getUserTaskKey())
        .variables(Map.of("intakeDecision", "accept", "intakeDecisionReason", "Mandatory for support")).send().join();

    // then the task was the L&D owners' with tier-1 priority, due after intakeDecisionDueIn
    assertThat(task.getCandidateGroups()).containsExactly("ld-owner");
    assertThat(task.getPriority()).isEqualTo(80);
    assertThat(task.getDueDate().toInstant()).isEqualTo(EngineExtension.START.plus(Duration.ofDays(5)));
    // and its timings were reported when it was assigned and completed
    assertThat(ENGINE.listenerJobs())
        .filteredOn(job -> job.getType().equals("learnops.task.event")
            && task.getUserTaskKey().equals(job.getUserTask().getUserTaskKey()))
        .extracting(job -> job.getListenerEventType().name())
        .containsExactly("ASSIGNING", "COMPLETING");
    // and the requester hears the decision
    var notification = ENGINE.completeJob(intake, "learnops.intake.notify-requester");
    assertThat(notification.getVariablesAsMap()).containsEntry("decision", "accept");
    ENGINE.awaitCompleted(intake);
    assertThat(ENGINE.completedElements(intake))
        .containsSubsequence("ValidateRequest", "TriageRequest", "CheckDuplicates", "DecideRequest",
            "NotifyRequester", "IntakeDecided");
  }

  @Test
  void an_invalid_request_goes_back_to_the_requester_without_triage() {
    long intake = ENGINE.start("intake", Fixtures.merge(Fixtures.request("P-101"), Fixtures.sla()));

    ENGINE.throwError(intake, "learnops.intake.validate-request", "REQUEST_INVALID");

    var notification = ENGINE.completeJob(intake, "learnops.intake.notify-requester");
    assertThat(notification.getVariablesAsMap()).containsEntry("decision", "invalid");
    ENGINE.awaitCompleted(intake);
    assertThat(ENGINE.completedElements(intake))
        .contains("RequestInvalid", "NotifyInvalidRequest", "RequestReturned")
        .doesNotContain("TriageRequest", "DecideRequest");
  }
}
