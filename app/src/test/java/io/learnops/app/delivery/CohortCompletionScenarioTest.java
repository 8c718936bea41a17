package io.learnops.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.learnops.app.programs.StageEvent;
import io.learnops.app.programs.ProgramService;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import io.learnops.app.support.EmbeddedEngineTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/** L&D ops confirm a cohort finished: the delivery stage waiting for it goes on; other stages refuse. */
@EmbeddedEngineTest
@TestPropertySource(properties = {
    "learnops.models.locations=classpath*:models/*.bpmn",
    "spring.datasource.url=jdbc:h2:mem:cohort-completion;DB_CLOSE_DELAY=-1"
})
class CohortCompletionScenarioTest {

  @Autowired TestRestTemplate http;
  @Autowired CamundaClient client;
  @Autowired ProgramService programs;

  @Test
  void confirmingTheCohortLetsTheWaitingDeliveryGoOnAndOnlyADeliveringProgramCanBeConfirmed() {
    // given a program that is in intake, and a delivery waiting for its cohort
    final UUID programId = UUID.fromString((String) http.postForEntity("/api/programs", Map.of(
        "title", "Coaching basics", "requester", "ann@example.com", "businessUnit", "Sales",
        "audienceSize", 50, "budget", 4000, "compliance", false), Map.class).getBody().get("id"));
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("await-cohort").startEvent()
        .receiveTask("AwaitCompletions").message(m -> m.name(CohortCompletedMessage.NAME).zeebeCorrelationKeyExpression("programId"))
        .endEvent().done(), "await-cohort.bpmn").send().join();
    final ProcessInstanceEvent delivery = client.newCreateInstanceCommand().bpmnProcessId("await-cohort").latestVersion()
        .variables(Map.of("programId", programId.toString())).send().join();
    await().until(() -> programs.find(programId).flatMap(p -> p.currentStage()).isPresent());

    // when ops confirm the cohort while the program is still in intake, then it is refused
    assertThat(confirm(programId).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(confirm(UUID.randomUUID()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // when the program has entered delivery and ops confirm (twice, as people do)
    programs.recordStageEvent(new StageEvent(programId, "Delivery", "Delivery", StageEvent.Type.ENTERED,
        Instant.now(), 4242L));
    assertThat(confirm(programId).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(confirm(programId).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    // then the waiting delivery goes on
    await().untilAsserted(() -> assertThat(client.newProcessInstanceGetRequest(delivery.getProcessInstanceKey())
        .send().join().getState().name()).isEqualTo("COMPLETED"));
  }

  private ResponseEntity<String> confirm(UUID programId) {
    return http.postForEntity("/api/programs/" + programId + "/cohort-completed", null, String.class);
  }
}
