package io.learnops.app.programs;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.learnops.app.support.ProgramJourney;
import io.learnops.app.tasks.ProgramInstances;
import io.learnops.app.support.WiredAppTest;
import io.learnops.engine.Engine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The program record shows the decisions people took in their tasks, as they took them. */
@WiredAppTest
class ProgramDecisionsScenarioTest {

  @Autowired TestRestTemplate http;
  @Autowired CamundaClient client;
  @Autowired Engine engine;
  @Autowired ProgramInstances instances;

  @Test
  void theOwnersIntakeDecisionIsOnTheProgramRecord() {
    final ProgramJourney journey = new ProgramJourney(http, client, engine, instances);

    // given a request waiting for the L&D owner, who takes the task
    final String id = journey.request(Map.of("title", "Advanced pivot tables", "requester", "raj@acme.example",
        "businessUnit", "Finance", "audienceSize", 12, "budget", 2000));
    final Map<String, Object> task = journey.awaitTask(id, "DecideRequest");
    client.newAssignUserTaskCommand(((Number) task.get("key")).longValue()).assignee("olivia").send().join();

    // when she declines it with a reason
    journey.complete(task, Map.of("intakeDecision", "decline", "intakeDecisionReason", "No budget this year"));

    // then the program's record shows her decision
    final Map<String, Object> detail = journey.awaitDetail(id, d -> !((List<?>) d.get("decisions")).isEmpty());
    assertThat((List<Map<String, Object>>) detail.get("decisions")).singleElement().satisfies(decision -> {
      assertThat(decision).containsEntry("decision", "intake").containsEntry("outcome", "decline")
          .containsEntry("decidedBy", "olivia").containsEntry("comment", "No budget this year");
      assertThat(decision.get("decidedAt")).isNotNull();
    });
  }
}
