package io.learnops.engine.scenario;

import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.learnops.engine.api.JsonVariables;
import io.learnops.engine.testing.NestedValues;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue.UserTaskValue;
import io.learnops.engine.record.ValueType;
import io.learnops.engine.state.Incident;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A caller who sends something wrong gets a clear error that names the culprit, and the engine
 * applies nothing of the refused command.
 */
class BadInputScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  private static final List<String> NOT_AN_OBJECT = List.of("[1,2]", "42", "{broken");

  private static BpmnModelInstance oneTask(String processId, String jobType) {
    return Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("review", t -> t.zeebeJobType(jobType)).endEvent().done();
  }

  /** An instance of a one-task process, and its job as its worker holds it. */
  private record WaitingAtItsJob(ProcessInstanceEvent instance, ActivatedJob job) {}

  private static WaitingAtItsJob waitingAtItsJob(Transport transport, String id) {
    ENGINE.deploy(transport, oneTask(id, id));
    final ProcessInstanceEvent instance = ENGINE.client(transport).newCreateInstanceCommand().bpmnProcessId(id)
        .latestVersion().variables(Map.of("owner", "lea")).send().join();
    return new WaitingAtItsJob(instance, activateOne(ENGINE.client(transport), id));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void variablesThatAreNotAJsonObjectAreRefusedNamingTheFieldAndNothingIsApplied(Transport transport)
      throws Exception {
    // given an instance waiting at a job its worker holds
    final CamundaClient client = ENGINE.client(transport);
    final String id = "bad-variables-" + transport;
    final WaitingAtItsJob waiting = waitingAtItsJob(transport, id);
    final ProcessInstanceEvent instance = waiting.instance();
    final ActivatedJob job = waiting.job();

    try (RawRequests raw = new RawRequests(ENGINE.engine(), transport)) {
      for (final String document : NOT_AN_OBJECT) {
        // when every command that takes variables gets a document that is not a JSON object
        // then each is refused naming the field
        assertRefusedNamingVariables(transport, raw.createInstance(id, document));
        assertRefusedNamingVariables(transport, raw.completeJob(job.getKey(), document));
        assertRefusedNamingVariables(transport, raw.publishMessage("feedback-" + transport, "c-1", document));
        assertRefusedNamingVariables(transport, raw.setVariables(instance.getProcessInstanceKey(), document));
      }
    }

    // and nothing of them was applied: one instance, no message, the variables as they were, the job still open
    final long instances = ENGINE.read(state -> state.elementInstances.values().stream()
        .filter(e -> e.isRoot() && id.equals(e.bpmnProcessId)).count());
    final boolean messageBuffered = ENGINE.read(state -> state.messages.values().stream()
        .anyMatch(m -> m.name.equals("feedback-" + transport)));
    final Map<String, Object> variables =
        ENGINE.read(state -> Map.copyOf(state.variables.get(instance.getProcessInstanceKey())));
    assertThat(instances).isEqualTo(1);
    assertThat(messageBuffered).isFalse();
    assertThat(variables).containsExactlyEntriesOf(Map.of("owner", "lea"));
    client.newCompleteCommand(job.getKey()).send().join();
    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aVariableNestedDeeperThanTheLimitIsRefusedNamingItAndTheLimitAndTheEngineGoesOn(Transport transport) {
    // given a process, and a variable nested one level deeper than the engine keeps
    final CamundaClient client = ENGINE.client(transport);
    final String id = "deep-variables-" + transport;
    ENGINE.deploy(transport, oneTask(id, id));
    final Object tooDeep = NestedValues.nested(JsonVariables.MAX_NESTING + 1);

    // when an instance is created with it, then the command is refused naming the variable and the limit
    assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("orgChart", tooDeep)).send().join())
        .hasMessageContaining("'orgChart'").hasMessageContaining(String.valueOf(JsonVariables.MAX_NESTING))
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT));

    // and one nested as deep as allowed is taken, journaled and processed
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("orgChart", NestedValues.nested(JsonVariables.MAX_NESTING)))
        .send().join();
    client.newCompleteCommand(activateOne(client, id)).send().join();
    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aVariableNestedFarDeeperThanTheLimitIsRefusedNamingItByEveryCommandThatTakesVariables(Transport transport)
      throws Exception {
    // given an instance waiting at a job its worker holds, and one waiting at a user task
    final CamundaClient client = ENGINE.client(transport);
    final String id = "far-too-deep-" + transport;
    final WaitingAtItsJob waiting = waitingAtItsJob(transport, id);
    final ProcessInstanceEvent instance = waiting.instance();
    final ActivatedJob job = waiting.job();
    final String approval = "far-too-deep-approval-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(approval).startEvent()
        .userTask("approve", task -> task.zeebeUserTask()).endEvent().done());
    final ProcessInstanceEvent approvalInstance = client.newCreateInstanceCommand().bpmnProcessId(approval)
        .latestVersion().send().join();
    final long userTaskKey = await().until(() -> ENGINE.records().ofType(ValueType.USER_TASK, UserTaskValue.class)
        .filter(r -> r.value().processInstanceKey() == approvalInstance.getProcessInstanceKey())
        .map(Record::key).findFirst(), Optional::isPresent).get();

    // when every command that takes variables gets one nested 998 levels deep
    final Object orgChart = NestedValues.nested(998);
    final String document = JsonVariables.toJson(Map.of("orgChart", orgChart));
    try (RawRequests raw = new RawRequests(ENGINE.engine(), transport)) {
      // then each is refused naming the variable and the limit
      assertRefusedNaming(transport, raw.createInstance(id, document), "'orgChart'", "100 levels");
      assertRefusedNaming(transport, raw.completeJob(job.getKey(), document), "'orgChart'", "100 levels");
      assertRefusedNaming(transport, raw.publishMessage("org-chart-" + transport, "c-1", document),
          "'orgChart'", "100 levels");
      assertRefusedNaming(transport, raw.setVariables(instance.getProcessInstanceKey(), document),
          "'orgChart'", "100 levels");
      assertRefusedNaming(transport, raw.broadcastSignal("org-chart-" + transport, document), "'orgChart'", "100 levels");
    }
    // and so is the completion of a user task (over REST, whichever transport the client prefers)
    assertThatThrownBy(() -> client.newCompleteUserTaskCommand(userTaskKey).variables(Map.of("orgChart", orgChart))
        .send().join())
        .hasMessageContaining("'orgChart'").hasMessageContaining("100 levels")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT));

    // and nothing of them was applied: one instance, no message, the variables as they were, job and task still open
    final long instances = ENGINE.read(state -> state.elementInstances.values().stream()
        .filter(e -> e.isRoot() && id.equals(e.bpmnProcessId)).count());
    final boolean messageBuffered = ENGINE.read(state -> state.messages.values().stream()
        .anyMatch(m -> m.name.equals("org-chart-" + transport)));
    final Map<String, Object> variables =
        ENGINE.read(state -> Map.copyOf(state.variables.get(instance.getProcessInstanceKey())));
    assertThat(instances).isEqualTo(1);
    assertThat(messageBuffered).isFalse();
    assertThat(variables).containsExactlyEntriesOf(Map.of("owner", "lea"));
    client.newCompleteCommand(job.getKey()).send().join();
    client.newCompleteUserTaskCommand(userTaskKey).send().join();
    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey())
        && ENGINE.isCompleted(approvalInstance.getProcessInstanceKey()));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void commandsOnUnknownKeysAreNotFoundNamingTheKey(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);

    assertNotFoundNaming("no-such-process",
        () -> client.newCreateInstanceCommand().bpmnProcessId("no-such-process").latestVersion().send().join());
    assertNotFoundNaming("2251799813900001",
        () -> client.newCreateInstanceCommand().processDefinitionKey(2251799813900001L).send().join());
    assertNotFoundNaming("2251799813900002",
        () -> client.newCancelInstanceCommand(2251799813900002L).send().join());
    assertNotFoundNaming("2251799813900003",
        () -> client.newCompleteCommand(2251799813900003L).send().join());
    assertNotFoundNaming("2251799813900004",
        () -> client.newFailCommand(2251799813900004L).retries(1).send().join());
    assertNotFoundNaming("2251799813900005",
        () -> client.newThrowErrorCommand(2251799813900005L).errorCode("no-seats").send().join());
    assertNotFoundNaming("2251799813900006",
        () -> client.newUpdateRetriesCommand(2251799813900006L).retries(3).send().join());
    assertNotFoundNaming("2251799813900007",
        () -> client.newUpdateTimeoutCommand(2251799813900007L).timeout(Duration.ofMinutes(5)).send().join());
    assertNotFoundNaming("2251799813900008",
        () -> client.newResolveIncidentCommand(2251799813900008L).send().join());
    assertNotFoundNaming("2251799813900009",
        () -> client.newSetVariablesCommand(2251799813900009L).variables(Map.of("a", 1)).send().join());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aDeploymentWithOneInvalidResourceNamesResourceElementAndRuleAndDeploysNothing(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String good = "onboarding-" + transport;
    final BpmnModelInstance invalid = Bpmn.createExecutableProcess("offboarding-" + transport).startEvent()
        .serviceTask("revokeAccess").endEvent().done();

    assertThatThrownBy(() -> client.newDeployResourceCommand()
        .addProcessModel(oneTask(good, "welcome"), "onboarding.bpmn")
        .addProcessModel(invalid, "offboarding.bpmn")
        .send().join())
        .hasMessageContaining("offboarding.bpmn")
        .hasMessageContaining("revokeAccess")
        .hasMessageContaining("needs a job type")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT));

    assertNotFoundNaming(good,
        () -> client.newCreateInstanceCommand().bpmnProcessId(good).latestVersion().send().join());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void elementsNotSupportedYetAreRejectedAtDeployNamingElementAndType(Transport transport) {
    final String p = "unsupported-" + transport;
    final Map<String, BpmnModelInstance> modelsByUnsupportedType = Map.of(
        "userTask", Bpmn.createExecutableProcess(p).startEvent().userTask("approveBudget").endEvent().done(),
        "complexGateway", complexGateway(p));

    modelsByUnsupportedType.forEach((type, model) ->
        assertThatThrownBy(() -> ENGINE.client(transport).newDeployResourceCommand()
            .addProcessModel(model, "approval.bpmn").send().join())
            .as(type)
            .hasMessageContaining("'approveBudget'")
            .hasMessageContaining(type)
            .hasMessageContaining("not supported")
            .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT)));
    assertNotFoundNaming(p, () -> ENGINE.client(transport).newCreateInstanceCommand().bpmnProcessId(p)
        .latestVersion().send().join());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void feelSyntaxErrorsAreRejectedAtDeployNamingTheElement(Transport transport) {
    final BpmnModelInstance brokenCondition = Bpmn.createExecutableProcess("budget-check-" + transport).startEvent()
        .exclusiveGateway("bySize")
          .sequenceFlowId("toFinance").conditionExpression("= budget >").endEvent()
        .moveToLastExclusiveGateway()
          .defaultFlow().endEvent()
        .done();
    final BpmnModelInstance brokenJobType = Bpmn.createExecutableProcess("dispatch-" + transport).startEvent()
        .serviceTask("notify", t -> t.zeebeJobTypeExpression("\"notify-\" +")).endEvent().done();

    assertThatThrownBy(() -> deploy(transport, brokenCondition))
        .hasMessageContaining("'toFinance'")
        .hasMessageContaining("condition")
        .hasMessageContaining("budget >")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT));
    assertThatThrownBy(() -> deploy(transport, brokenJobType))
        .hasMessageContaining("'notify'")
        .hasMessageContaining("job type")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aTimerLiteralThatIsNotIso8601IsRejectedAtDeployNamingTheElement(Transport transport) {
    final BpmnModelInstance badDuration = Bpmn.createExecutableProcess("reminder-" + transport).startEvent()
        .intermediateCatchEvent("waitBeforeReminder").timerWithDuration("PT15MIN").endEvent().done();
    final BpmnModelInstance badCycle = Bpmn.createExecutableProcess("weekly-" + transport)
        .startEvent("everyWeek").timerWithCycle("R/P7X").endEvent().done();

    assertThatThrownBy(() -> deploy(transport, badDuration))
        .hasMessageContaining("'waitBeforeReminder'").hasMessageContaining("PT15MIN")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT));
    assertThatThrownBy(() -> deploy(transport, badCycle))
        .hasMessageContaining("'everyWeek'").hasMessageContaining("R/P7X")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aTimerExpressionWithAnInvalidResultRaisesAnIncidentNamingTheElement(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "reminder-expr-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .intermediateCatchEvent("waitBeforeReminder").timerWithDurationExpression("reminderAfter").endEvent().done());

    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(java.util.Map.of("reminderAfter", "PT15MIN")).send().join();

    final Incident incident = await().until(() -> ENGINE.read(state -> state.incidents.values().stream()
        .filter(i -> i.processInstanceKey == instance.getProcessInstanceKey()).findFirst()), o -> o.isPresent()).get();
    assertThat(incident.elementId).isEqualTo("waitBeforeReminder");
    assertThat(incident.errorMessage).contains("PT15MIN", "'waitBeforeReminder'");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void activatingZeroJobsIsInvalid(Transport transport) {
    assertThatThrownBy(() -> ENGINE.client(transport).newActivateJobsCommand().jobType("review")
        .maxJobsToActivate(0).send().join())
        .hasMessageContaining("maxJobsToActivate")
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.INVALID_ARGUMENT));
  }

  private static BpmnModelInstance complexGateway(String processId) {
    final BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent()
        .exclusiveGateway("approveBudget").endEvent().done();
    final var exclusive = model.getModelElementById("approveBudget");
    final var complex = model.newInstance(io.camunda.zeebe.model.bpmn.instance.ComplexGateway.class);
    complex.setAttributeValue("id", "approveBudget", true);
    exclusive.replaceWithElement(complex);
    return model;
  }

  private static void deploy(Transport transport, BpmnModelInstance model) {
    ENGINE.client(transport).newDeployResourceCommand().addProcessModel(model, "model.bpmn").send().join();
  }

  private static void assertRefusedNamingVariables(Transport transport, RawRequests.Answer answer) {
    assertRefusedNaming(transport, answer, "'variables'");
  }

  private static void assertRefusedNaming(Transport transport, RawRequests.Answer answer, String... culprits) {
    if (transport == Transport.REST) {
      assertThat(answer.status()).isEqualTo("400");
      assertThat(answer.contentType()).startsWith("application/problem+json");
    } else {
      assertThat(answer.status()).isEqualTo("INVALID_ARGUMENT");
    }
    assertThat(answer.detail()).contains(culprits);
  }

  private static void assertNotFoundNaming(String key, ThrowingCallable command) {
    assertThatThrownBy(command)
        .hasMessageContaining(key)
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.NOT_FOUND));
  }
}
