package io.learnops.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.learnops.engine.state.Incident;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JobWorkerScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  private static BpmnModelInstance oneTask(String processId, String jobType) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("requested")
        .serviceTask("review", t -> t.zeebeJobType(jobType).zeebeJobRetries("2").zeebeTaskHeader("channel", "email"))
        .endEvent("done")
        .done();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aWorkerCompletesTheTaskAndTheInstanceEndsWithItsVariables(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String type = "review-" + transport;
    ENGINE.deploy(transport, oneTask("program-" + transport, type));
    final List<ActivatedJob> seen = new CopyOnWriteArrayList<>();

    try (JobWorker worker = client.newWorker().jobType(type)
        .handler((jobClient, job) -> {
          seen.add(job);
          jobClient.newCompleteCommand(job.getKey()).variables(Map.of("approved", true)).send().join();
        })
        .open()) {
      final ProcessInstanceResult result = client.newCreateInstanceCommand()
          .bpmnProcessId("program-" + transport).latestVersion()
          .variables(Map.of("title", "Negotiation skills", "budget", 12000))
          .withResult().requestTimeout(Duration.ofSeconds(20))
          .send().join();

      assertThat(result.getVariablesAsMap())
          .containsEntry("title", "Negotiation skills")
          .containsEntry("budget", 12000)
          .containsEntry("approved", true);
      assertThat(seen).hasSize(1);
      final ActivatedJob job = seen.get(0);
      assertThat(job.getType()).isEqualTo(type);
      assertThat(job.getElementId()).isEqualTo("review");
      assertThat(job.getRetries()).isEqualTo(2);
      assertThat(job.getCustomHeaders()).containsEntry("channel", "email");
      assertThat(job.getVariablesAsMap()).containsEntry("title", "Negotiation skills");
      assertThat(job.getBpmnProcessId()).isEqualTo("program-" + transport);
      assertThat(job.getProcessInstanceKey()).isEqualTo(result.getProcessInstanceKey());
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aFailedJobIsRetriedThenRaisesAnIncidentWhichResolvingContinues(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String type = "flaky-" + transport;
    ENGINE.deploy(transport, oneTask("flaky-" + transport, type));
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand()
        .bpmnProcessId("flaky-" + transport).latestVersion().send().join();

    final ActivatedJob first = activateOne(client, type);
    client.newFailCommand(first.getKey()).retries(1).errorMessage("LMS timed out").send().join();
    final ActivatedJob second = activateOne(client, type);
    assertThat(second.getKey()).isEqualTo(first.getKey());
    assertThat(second.getRetries()).isEqualTo(1);
    client.newFailCommand(second.getKey()).retries(0).errorMessage("LMS still down").send().join();

    final Incident incident = ENGINE.read(state -> state.incidents.values().stream()
        .filter(i -> i.processInstanceKey == instance.getProcessInstanceKey()).findFirst().orElseThrow());
    assertThat(incident.errorType).isEqualTo(Incident.ErrorType.JOB_NO_RETRIES);
    assertThat(incident.errorMessage).isEqualTo("LMS still down");
    assertThat(incident.elementId).isEqualTo("review");

    client.newUpdateRetriesCommand(first.getKey()).retries(3).send().join();
    client.newResolveIncidentCommand(incident.key).send().join();
    final ActivatedJob third = activateOne(client, type);
    client.newCompleteCommand(third.getKey()).send().join();

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aJobWhoseDeadlinePassesIsActivatableAgain(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String type = "slow-" + transport;
    ENGINE.deploy(transport, oneTask("slow-" + transport, type));
    client.newCreateInstanceCommand().bpmnProcessId("slow-" + transport).latestVersion().send().join();

    final ActivatedJob job = activateOne(client, type, Duration.ofMinutes(5));
    assertThat(client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(100)).send().join().getJobs()).isEmpty();

    ENGINE.advanceClock(Duration.ofMinutes(6));

    final ActivatedJob again = activateOne(client, type);
    assertThat(again.getKey()).isEqualTo(job.getKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aFailedJobWithABackOffWaitsBeforeItIsHandedOutAgain(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String type = "backoff-" + transport;
    ENGINE.deploy(transport, oneTask("backoff-" + transport, type));
    client.newCreateInstanceCommand().bpmnProcessId("backoff-" + transport).latestVersion().send().join();
    final ActivatedJob job = activateOne(client, type);

    client.newFailCommand(job.getKey()).retries(1).retryBackoff(Duration.ofMinutes(10))
        .errorMessage("vendor API rate-limited").send().join();

    assertThat(client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(200)).send().join().getJobs()).isEmpty();
    ENGINE.advanceClock(Duration.ofMinutes(11));
    assertThat(activateOne(client, type).getKey()).isEqualTo(job.getKey());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aWorkerCanExtendItsJobTimeout(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String type = "extend-" + transport;
    ENGINE.deploy(transport, oneTask("extend-" + transport, type));
    client.newCreateInstanceCommand().bpmnProcessId("extend-" + transport).latestVersion().send().join();
    final ActivatedJob job = activateOne(client, type, Duration.ofMinutes(1));

    client.newUpdateTimeoutCommand(job.getKey()).timeout(Duration.ofMinutes(30)).send().join();
    ENGINE.advanceClock(Duration.ofMinutes(5));

    assertThat(client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(200)).send().join().getJobs()).isEmpty();
    client.newCompleteCommand(job.getKey()).send().join();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void completingAnUnknownJobIsNotFound(Transport transport) {
    assertThatThrownBy(() -> ENGINE.client(transport).newCompleteCommand(2251799813999999L).send().join())
        .hasMessageContaining("2251799813999999")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.NOT_FOUND));
  }

  static ActivatedJob activateOne(CamundaClient client, String type) {
    return activateOne(client, type, Duration.ofMinutes(1));
  }

  static ActivatedJob activateOne(CamundaClient client, String type, Duration timeout) {
    return await().atMost(Duration.ofSeconds(10)).until(
        () -> client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1).timeout(timeout)
            .requestTimeout(Duration.ofSeconds(2)).send().join().getJobs(),
        jobs -> !jobs.isEmpty()).get(0);
  }
}
