package io.learnops.engine.scenario;

import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.JobState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.Job;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Variables, jobs and incidents through the read API, while instances run and after they end. */
class ReadApiRuntimeScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  private static CamundaClient client;

  @BeforeAll
  static void deploy() {
    client = ENGINE.client(Transport.REST);
    ENGINE.deploy(Transport.REST,
        Bpmn.createExecutableProcess("grading").startEvent()
            .subProcess("review", s -> s.embeddedSubProcess().startEvent()
                .serviceTask("grade", t -> t.zeebeJobType("runtime-grade").zeebeInputExpression("draft", "localDraft"))
                .endEvent())
            .endEvent().done(),
        Bpmn.createExecutableProcess("feedback").startEvent()
            .serviceTask("send", t -> t.zeebeJobType("runtime-send")).endEvent().done(),
        Bpmn.createExecutableProcess("reminder").startEvent()
            .serviceTask("remind", t -> t.zeebeJobType("runtime-remind")).endEvent().done());
  }

  @Test
  void variablesAreReadableByScopeWithTheirLatestValueAndOutliveTheInstance() {
    // given
    final ProcessInstanceEvent started = start("grading", Map.of("draft", "v1", "score", 7));
    final ActivatedJob job = activateOne(client, "runtime-grade", Duration.ofSeconds(5));

    // when
    client.newSetVariablesCommand(started.getProcessInstanceKey()).variables(Map.of("score", 9)).send().join();
    final List<Variable> whileRunning = variablesOf(started.getProcessInstanceKey());
    client.newCompleteCommand(job.getKey()).variables(Map.of("grade", "A")).send().join();

    // then
    assertThat(whileRunning).extracting(Variable::getName, Variable::getValue, Variable::getScopeKey)
        .contains(
            tuple("draft", "\"v1\"", started.getProcessInstanceKey()),
            tuple("score", "9", started.getProcessInstanceKey()),
            tuple("localDraft", "\"v1\"", job.getElementInstanceKey()));
    final Variable grade = client.newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(started.getProcessInstanceKey()).name("grade")).send().join().singleItem();
    assertThat(grade.getValue()).isEqualTo("\"A\"");
    assertThat(client.newVariableGetRequest(grade.getVariableKey()).send().join().getName()).isEqualTo("grade");
  }

  @Test
  void aJobIsListedFromCreationToCompletion() {
    // given
    final ProcessInstanceEvent started = start("feedback", Map.of());
    final ActivatedJob activated = client.newActivateJobsCommand().jobType("runtime-send").maxJobsToActivate(1)
        .workerName("mailer-1").timeout(Duration.ofMinutes(5)).send().join().getJobs().get(0);
    final Job whileActive = jobOf(started.getProcessInstanceKey());

    // when
    client.newCompleteCommand(activated.getKey()).send().join();

    // then
    assertThat(whileActive.getState()).isEqualTo(JobState.CREATED);
    assertThat(whileActive.getWorker()).isEqualTo("mailer-1");
    assertThat(whileActive.getDeadline()).isNotNull();
    final Job completed = jobOf(started.getProcessInstanceKey());
    assertThat(completed.getState()).isEqualTo(JobState.COMPLETED);
    assertThat(completed.getEndTime()).isNotNull();
    assertThat(completed.getElementId()).isEqualTo("send");
  }

  @Test
  void aFailedJobRaisesAnIncidentThatMarksItsInstanceUntilResolved() {
    // given
    final ProcessInstanceEvent started = start("reminder", Map.of());
    final ActivatedJob job = activateOne(client, "runtime-remind", Duration.ofSeconds(5));

    // when
    client.newFailCommand(job.getKey()).retries(0).errorMessage("mail server down").send().join();

    // then
    final Incident incident = client.newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(started.getProcessInstanceKey())).send().join().singleItem();
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
    assertThat(incident.getErrorMessage()).isEqualTo("mail server down");
    assertThat(incident.getState()).isEqualTo(IncidentState.ACTIVE);
    assertThat(incident.getJobKey()).isEqualTo(job.getKey());
    assertThat(jobOf(started.getProcessInstanceKey()).getState()).isEqualTo(JobState.FAILED);
    assertThat(client.newProcessInstanceGetRequest(started.getProcessInstanceKey()).send().join().getHasIncident())
        .isTrue();
    final ElementInstance task = client.newElementInstanceGetRequest(job.getElementInstanceKey()).send().join();
    assertThat(task.getIncident()).isTrue();
    assertThat(task.getIncidentKey()).isEqualTo(incident.getIncidentKey());

    // when
    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then
    assertThat(client.newIncidentGetRequest(incident.getIncidentKey()).send().join().getState())
        .isEqualTo(IncidentState.RESOLVED);
    assertThat(client.newProcessInstanceGetRequest(started.getProcessInstanceKey()).send().join().getHasIncident())
        .isFalse();
    assertThat(client.newIncidentsByProcessInstanceSearchRequest(started.getProcessInstanceKey()).send().join().items())
        .extracting(Incident::getIncidentKey).containsExactly(incident.getIncidentKey());
  }

  private static List<Variable> variablesOf(long processInstanceKey) {
    return client.newVariableSearchRequest().filter(f -> f.processInstanceKey(processInstanceKey)).send().join().items();
  }

  private static Job jobOf(long processInstanceKey) {
    return client.newJobSearchRequest().filter(f -> f.processInstanceKey(processInstanceKey)).send().join().singleItem();
  }

  private static ProcessInstanceEvent start(String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
        .send().join();
  }
}
