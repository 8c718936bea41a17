package io.learnops.workers.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.when;

import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.workers.ports.ProgramRegistry;
import io.learnops.workers.ports.ProgramRegistry.ProgramSummary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The intake stage with the real intake workers: validation, the triage DMN, the duplicate check
 * against the program registry, the L&D owner's decision and the requester's notification.
 */
class IntakeProcessTest extends ProcessTestBase {

  @Autowired ProgramRegistry registry;
  @Autowired WorkersTestApplication.RecordingNotifier notifier;

  @BeforeEach
  void deployModels() {
    deploy("intake.bpmn", "intake-triage.dmn", "intake-decision.form");
    deployWrapper("intake", "intakeDecision", "duplicateOf");
  }

  private static Map<String, Object> request(String programId) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("programId", programId);
    variables.put("requester", "ada@x.org");
    variables.put("title", "GDPR for support agents");
    variables.put("topic", "gdpr");
    variables.put("businessImpact", "high");
    variables.put("audienceSize", 120);
    variables.put("regulatoryRisk", "mandatory");
    variables.put("urgency", "medium");
    variables.put("audienceCriteria", "department eq \"Support\"");
    variables.put("intakeDecisionDueIn", "P5D");
    return variables;
  }

  @Test
  void an_invalid_request_is_returned_and_the_requester_told_every_problem() {
    // given a request without title and with an unknown urgency
    Map<String, Object> request = request("P-700");
    request.remove("title");
    request.put("urgency", "asap");

    // when
    client.newCreateInstanceCommand().bpmnProcessId("intake").latestVersion().variables(request)
        .send().join();

    // then
    await().atMost(WAIT).until(() -> reached("intake", "RequestReturned", ProcessInstanceIntent.ELEMENT_COMPLETED));
    assertThat(completed("intake")).containsSubsequence("RequestInvalid", "NotifyInvalidRequest",
        "RequestReturned").doesNotContain("TriageRequest");
    assertThat(notifier.sent).filteredOn(n -> n.programId().equals("P-700")).singleElement()
        .satisfies(n -> {
          assertThat(n.key()).isEqualTo("intake:P-700:invalid");
          assertThat(n.recipient()).isEqualTo("ada@x.org");
          assertThat(n.body()).isEqualTo(
              "title is missing; urgency must be one of [high, low, medium], got 'asap'");
        });
  }

  @Test
  void a_valid_request_is_triaged_checked_for_duplicates_decided_and_the_requester_told() {
    // given an open program with the same topic and audience
    when(registry.openPrograms("P-701")).thenReturn(List.of(new ProgramSummary("P-1",
        "GDPR for support", "GDPR", "department eq \"Support\"", "delivery")));

    // when the L&D owner accepts it anyway
    long instance = startWrapper("intake", request("P-701"));
    long task = awaitUserTask("intake", "DecideRequest");
    client.newCompleteUserTaskCommand(task).variables(Map.of("intakeDecision", "accept",
        "intakeDecisionReason", "Other region")).send().join();
    var outputs = awaitCapture(instance);

    // then the duplicate was shown and the requester told
    assertThat(outputs.getVariablesAsMap()).containsEntry("duplicateOf", "P-1")
        .containsEntry("intakeDecision", "accept");
    assertThat(completed("intake")).containsSubsequence("ValidateRequest", "TriageRequest",
        "CheckDuplicates", "DecideRequest", "NotifyRequester", "IntakeDecided");
    assertThat(notifier.sent).filteredOn(n -> n.programId().equals("P-701")).singleElement()
        .satisfies(n -> {
          assertThat(n.key()).isEqualTo("intake:P-701:accept");
          assertThat(n.body()).isEqualTo("Other region");
        });
  }
}
