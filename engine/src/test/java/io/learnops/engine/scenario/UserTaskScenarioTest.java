package io.learnops.engine.scenario;

import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.learnops.engine.record.Intent.UserTaskIntent;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.UserTaskValue;
import io.learnops.engine.record.ValueType;
import io.learnops.engine.state.Incident;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Approvals as Camunda user tasks: created with their assignment, schedule and form, then
 * assigned, updated and completed through the REST API, with task listeners that can correct or
 * deny each step.
 */
class UserTaskScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  private static final String APPROVAL_FORM = """
      {"id": "budget-approval", "type": "default", "schemaVersion": 16,
       "components": [{"key": "approved", "label": "Approve the budget", "type": "checkbox"}]}""";

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anApproverIsAssignedUpdatesTheDueDateAndCompletesTheTaskWithADecision(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "budget-approval-" + transport;
    client.newDeployResourceCommand()
        .addResourceBytes(APPROVAL_FORM.getBytes(StandardCharsets.UTF_8), "budget-approval.form")
        .addProcessModel(Bpmn.createExecutableProcess(id).startEvent()
            .userTask("approveBudget", task -> task.name("Approve the budget").zeebeUserTask()
                .zeebeCandidateGroups("ld-manager, finance")
                .zeebeAssigneeExpression("requester.manager")
                .zeebeDueDate("2026-12-01T17:00:00+01:00")
                .zeebeTaskPriority("80")
                .zeebeTaskHeader("stage", "review")
                .zeebeFormId("budget-approval"))
            .endEvent().done(), id + ".bpmn")
        .send().join();
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("requester", Map.of("manager", "maria"))).send().join();

    final long taskKey = userTaskKey(instance, UserTaskIntent.ASSIGNED);
    final UserTask created = client.newUserTaskGetRequest(taskKey).send().join();
    assertThat(created.getName()).isEqualTo("Approve the budget");
    assertThat(created.getAssignee()).isEqualTo("maria");
    assertThat(created.getCandidateGroups()).containsExactly("ld-manager", "finance");
    assertThat(created.getPriority()).isEqualTo(80);
    assertThat(created.getDueDate()).isEqualTo("2026-12-01T17:00+01:00");
    assertThat(created.getCustomHeaders()).containsEntry("stage", "review");
    assertThat(client.newUserTaskGetFormRequest(taskKey).send().join().getFormId()).isEqualTo("budget-approval");

    client.newAssignUserTaskCommand(taskKey).assignee("omar").send().join();
    client.newUpdateUserTaskCommand(taskKey).dueDate("2026-12-05T17:00:00+01:00").priority(95).send().join();
    final UserTask updated = client.newUserTaskGetRequest(taskKey).send().join();
    assertThat(updated.getAssignee()).isEqualTo("omar");
    assertThat(updated.getPriority()).isEqualTo(95);
    assertThat(updated.getDueDate()).isEqualTo("2026-12-05T17:00:00+01:00");

    client.newCompleteUserTaskCommand(taskKey).variables(Map.of("approved", true)).send().join();

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
    final UserTask completed = client.newUserTaskGetRequest(taskKey).send().join();
    assertThat(completed.getState().name()).isEqualTo("COMPLETED");
    assertThat(completed.getCompletionDate()).isNotNull();
  }

  @Test
  void anInboxSearchFindsTheOpenTasksOfAGroupMostUrgentFirst() {
    final CamundaClient client = ENGINE.client(Transport.REST);
    final ProcessInstanceEvent routine = start(client, "inbox-routine",
        task -> task.zeebeCandidateGroups("finance-inbox").zeebeTaskPriority("20"));
    final ProcessInstanceEvent urgent = start(client, "inbox-urgent",
        task -> task.zeebeCandidateGroups("finance-inbox, compliance-inbox").zeebeTaskPriority("90"));
    final ProcessInstanceEvent elsewhere = start(client, "inbox-elsewhere", task -> task.zeebeCandidateGroups("sales"));
    final long routineTask = userTaskKey(routine, UserTaskIntent.CREATED);
    final long urgentTask = userTaskKey(urgent, UserTaskIntent.CREATED);
    userTaskKey(elsewhere, UserTaskIntent.CREATED);

    final List<UserTask> inbox = client.newUserTaskSearchRequest()
        .filter(f -> f.candidateGroup("finance-inbox").state(io.camunda.client.api.search.enums.UserTaskState.CREATED))
        .sort(sort -> sort.priority().desc())
        .send().join().items();

    assertThat(inbox).extracting(UserTask::getUserTaskKey).containsExactly(urgentTask, routineTask);
    client.newCompleteUserTaskCommand(urgentTask).send().join();
    assertThat(client.newUserTaskSearchRequest()
        .filter(f -> f.candidateGroup("finance-inbox").state(io.camunda.client.api.search.enums.UserTaskState.CREATED))
        .send().join().items()).extracting(UserTask::getUserTaskKey).containsExactly(routineTask);
  }

  @Test
  void anAssignmentWithoutOverrideIsRefusedWhenSomeoneElseHasTheTask() {
    final CamundaClient client = ENGINE.client(Transport.REST);
    final ProcessInstanceEvent instance = start(client, "no-override", task -> task.zeebeAssignee("maria"));
    final long taskKey = userTaskKey(instance, UserTaskIntent.ASSIGNED);

    assertThatThrownBy(() -> client.newAssignUserTaskCommand(taskKey).assignee("omar").allowOverride(false).send().join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("409")
        .hasMessageContaining("assigned to 'maria'");
    client.newUnassignUserTaskCommand(taskKey).send().join();
    client.newAssignUserTaskCommand(taskKey).assignee("omar").allowOverride(false).send().join();

    assertThat(client.newUserTaskGetRequest(taskKey).send().join().getAssignee()).isEqualTo("omar");
  }

  @Test
  void commandsOnUnknownTasksAndBadChangesAreRefusedWithTheReason() {
    final CamundaClient client = ENGINE.client(Transport.REST);
    final ProcessInstanceEvent instance = start(client, "bad-commands", task -> task);
    final long taskKey = userTaskKey(instance, UserTaskIntent.CREATED);

    assertThatThrownBy(() -> client.newCompleteUserTaskCommand(42).send().join())
        .hasMessageContaining("404").hasMessageContaining("'42'");
    assertThatThrownBy(() -> client.newUpdateUserTaskCommand(taskKey).dueDate("next friday").send().join())
        .hasMessageContaining("400").hasMessageContaining("dueDate");
    assertThatThrownBy(() -> client.newUpdateUserTaskCommand(taskKey).priority(101).send().join())
        .hasMessageContaining("400").hasMessageContaining("priority");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aCompletingListenerDeniesACompletionUntilTheBudgetIsJustified(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String listenerType = "check-justification-" + transport;
    final ProcessInstanceEvent instance = start(client, "deny-" + transport,
        task -> task.zeebeTaskListener(l -> l.completing().type(listenerType)));
    final long taskKey = userTaskKey(instance, UserTaskIntent.CREATED);

    final CompletableFuture<?> first = client.newCompleteUserTaskCommand(taskKey).send().toCompletableFuture();
    final ActivatedJob denyJob = activateOne(client, listenerType);
    assertThat(denyJob.getKind().name()).isEqualTo("TASK_LISTENER");
    assertThat(denyJob.getListenerEventType().name()).isEqualTo("COMPLETING");
    assertThat(denyJob.getUserTask().getUserTaskKey()).isEqualTo(taskKey);
    client.newCompleteCommand(denyJob).withResult(r -> r.forUserTask().deny(true, "no justification")).send().join();
    assertThatThrownBy(first::join).hasMessageContaining("409").hasMessageContaining("no justification");

    final CompletableFuture<?> second = client.newCompleteUserTaskCommand(taskKey)
        .variables(Map.of("justification", "regulatory")).send().toCompletableFuture();
    final ActivatedJob acceptJob = activateOne(client, listenerType);
    assertThat(second).isNotDone();
    client.newCompleteCommand(acceptJob).send().join();
    second.join();

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
    assertThat(ENGINE.hasRecord(taskKey, UserTaskIntent.COMPLETION_DENIED)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aCompletingListenerSeesTheVariablesTheTaskIsCompletedWith(Transport transport) {
    // a completing listener can read what the person decided, before it is applied
    final CamundaClient client = ENGINE.client(transport);
    final String listenerType = "record-decision-" + transport;
    final ProcessInstanceEvent instance = start(client, "decide-" + transport,
        task -> task.zeebeTaskListener(l -> l.completing().type(listenerType)));
    final long taskKey = userTaskKey(instance, UserTaskIntent.CREATED);

    final CompletableFuture<?> completion = client.newCompleteUserTaskCommand(taskKey)
        .variables(Map.of("approvalOutcome", "rejected", "approvalComment", "no budget")).send()
        .toCompletableFuture();
    final ActivatedJob job = activateOne(client, listenerType);

    assertThat(job.getVariablesAsMap())
        .containsEntry("approvalOutcome", "rejected").containsEntry("approvalComment", "no budget");
    client.newCompleteCommand(job).send().join();
    completion.join();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anAssigningListenerCorrectsTheAssigneeAndThePriority(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String listenerType = "route-to-deputy-" + transport;
    final ProcessInstanceEvent instance = start(client, "correct-" + transport,
        task -> task.zeebeTaskListener(l -> l.assigning().type(listenerType)));
    final long taskKey = userTaskKey(instance, UserTaskIntent.CREATED);

    final CompletableFuture<?> assignment = client.newAssignUserTaskCommand(taskKey).assignee("maria").send()
        .toCompletableFuture();
    final ActivatedJob job = activateOne(client, listenerType);
    assertThat(job.getUserTask().getAssignee()).isEqualTo("maria");
    client.newCompleteCommand(job)
        .withResult(r -> r.forUserTask().correctAssignee("deputy").correctPriority(90)).send().join();
    assignment.join();

    final UserTask task = client.newUserTaskGetRequest(taskKey).send().join();
    assertThat(task.getAssignee()).isEqualTo("deputy");
    assertThat(task.getPriority()).isEqualTo(90);
  }

  @Test
  void aListenerJobWithoutRetriesRaisesAnIncidentAndTheTaskGoesOnOnceResolved() {
    final CamundaClient client = ENGINE.client(Transport.REST);
    final ProcessInstanceEvent instance = start(client, "listener-incident",
        task -> task.zeebeTaskListener(l -> l.creating().type("notify-approver").retries("1")));
    final ActivatedJob job = activateOne(client, "notify-approver");

    client.newFailCommand(job).retries(0).errorMessage("mail server down").send().join();

    final Incident incident = await().until(() -> ENGINE.read(state -> state.incidents.values().stream()
        .filter(i -> i.processInstanceKey == instance.getProcessInstanceKey()).findFirst()), o -> o.isPresent()).get();
    assertThat(incident.errorType).isEqualTo(Incident.ErrorType.TASK_LISTENER_NO_RETRIES);
    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.key).send().join();
    client.newCompleteCommand(activateOne(client, "notify-approver")).send().join();

    userTaskKey(instance, UserTaskIntent.CREATED);
  }

  @Test
  void anEscalationTimerCancelsTheTaskAndItsCancelingListenerRuns() {
    final CamundaClient client = ENGINE.client(Transport.REST);
    final String id = "escalate-approval";
    ENGINE.deploy(Transport.REST, Bpmn.createExecutableProcess(id).startEvent()
        .userTask("approve", task -> task.zeebeUserTask().zeebeTaskListener(l -> l.canceling().type("withdraw-reminder")))
        .boundaryEvent("overdue").timerWithDuration("P3D").endEvent("escalated")
        .moveToActivity("approve").endEvent().done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
    final long taskKey = userTaskKey(instance, UserTaskIntent.CREATED);

    ENGINE.advanceClock(Duration.ofDays(3));

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
    assertThat(ENGINE.hasRecord(taskKey, UserTaskIntent.CANCELED)).isTrue();
    assertThat(activateOne(client, "withdraw-reminder").getListenerEventType().name()).isEqualTo("CANCELING");
    assertThatThrownBy(() -> client.newCompleteUserTaskCommand(taskKey).send().join()).hasMessageContaining("404");
  }

  @Test
  void aJobWorkerUserTaskIsRefusedAtDeployment() {
    final CamundaClient client = ENGINE.client(Transport.REST);
    final BpmnModelInstance legacy = Bpmn.createExecutableProcess("legacy-approval").startEvent()
        .userTask("approve").endEvent().done();

    assertThatThrownBy(() -> client.newDeployResourceCommand().addProcessModel(legacy, "legacy.bpmn").send().join())
        .hasMessageContaining("approve").hasMessageContaining("zeebe:userTask");
  }

  private static ProcessInstanceEvent start(CamundaClient client, String id,
      java.util.function.UnaryOperator<io.camunda.zeebe.model.bpmn.builder.UserTaskBuilder> customise) {
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(id).startEvent()
        .userTask("approve", task -> customise.apply(task.zeebeUserTask()))
        .endEvent().done(), id + ".bpmn").send().join();
    return client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion().send().join();
  }

  /** The key of the instance's user task, once it had a record with this intent. */
  static long userTaskKey(ProcessInstanceEvent instance, UserTaskIntent intent) {
    return await().until(() -> ENGINE.records().ofType(ValueType.USER_TASK, UserTaskValue.class)
        .filter(r -> r.intent() == intent && r.value().processInstanceKey() == instance.getProcessInstanceKey())
        .map(Record::key)
        .findFirst(), o -> o.isPresent()).get();
  }

  static List<UserTaskIntent> userTaskIntents(long taskKey) {
    return ENGINE.records().ofType(ValueType.USER_TASK, UserTaskValue.class).filter(r -> r.key() == taskKey)
        .map(r -> (UserTaskIntent) r.intent()).toList();
  }
}
