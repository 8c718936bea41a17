package io.learnops.workflows;

import static org.assertj.core.api.Assertions.assertThat;

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

    // when the L&D owner accepts
    var task = ENGINE.completeUserTask(intake, "DecideRequest",
        Map.of("intakeDecision", "accept", "intakeDecisionReason", "Mandatory for support"));

    // then the task was theirs with tier-1 priority, and the requester hears the decision
    assertThat(task.getCandidateGroups()).containsExactly("ld-owner");
    assertThat(task.getPriority()).isEqualTo(80);
    var notification = ENGINE.completeJob(intake, "learnops.intake.notify-requester");
    assertThat(notification.getVariablesAsMap()).containsEntry("decision", "accept");
    ENGINE.awaitCompleted(intake);
    assertThat(ENGINE.completedElements(intake))
        .containsSubsequence("ValidateRequest", "TriageRequest", "CheckDuplicates", "DecideRequest",
            "NotifyRequester", "IntakeDecided");
    assertThat(ENGINE.listenerJobs()).anySatisfy(job -> {
      assertThat(job.getProcessInstanceKey()).isEqualTo(intake);
      assertThat(job.getElementId()).isEqualTo("DecideRequest");
    });
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
