package io.learnops.engine.scenario;

import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_ACTIVATED;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_COMPLETED;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_TERMINATED;
import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  private static void deployWaitForCompletions(Transport transport) {
    ENGINE.deploy(transport, Bpmn.createExecutableProcess("delivery-" + transport).startEvent()
        .intermediateCatchEvent("completionsReported")
        .message(m -> m.name("completions-reported-" + transport).zeebeCorrelationKeyExpression("cohortId"))
        .endEvent("evaluated").done());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aMessageCorrelatesByKeyAndItsVariablesReachTheInstance(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    deployWaitForCompletions(transport);
    final ProcessInstanceEvent cohortA = start(client, transport, "cohort-a");
    final ProcessInstanceEvent cohortB = start(client, transport, "cohort-b");
    await().until(() -> ENGINE.reached(cohortB.getProcessInstanceKey(), "completionsReported", ELEMENT_ACTIVATED));

    client.newPublishMessageCommand().messageName("completions-reported-" + transport).correlationKey("cohort-b")
        .variables(Map.of("completed", 48)).send().join();

    await().until(() -> ENGINE.isCompleted(cohortB.getProcessInstanceKey()));
    assertThat(ENGINE.isCompleted(cohortA.getProcessInstanceKey())).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aBufferedMessageWaitsForTheInstanceWithinItsTimeToLive(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    deployWaitForCompletions(transport);

    client.newPublishMessageCommand().messageName("completions-reported-" + transport).correlationKey("early")
        .timeToLive(Duration.ofMinutes(10)).variables(Map.of("completed", 12)).send().join();
    final ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId("delivery-" + transport)
        .latestVersion().variables(Map.of("cohortId", "early")).withResult().send().join();

    assertThat(result.getVariablesAsMap()).containsEntry("completed", 12);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aTimeToLiveTooLongForTheClockKeepsTheMessageInsteadOfOverflowing(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    deployWaitForCompletions(transport);

    client.newPublishMessageCommand().messageName("completions-reported-" + transport).correlationKey("forever")
        .timeToLive(Duration.ofMillis(Long.MAX_VALUE)).variables(Map.of("completed", 7)).send().join();
    final ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId("delivery-" + transport)
        .latestVersion().variables(Map.of("cohortId", "forever")).withResult().send().join();

    assertThat(result.getVariablesAsMap()).containsEntry("completed", 7);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aMessageReachesOnlyOneOfTwoWaitingInstancesOfAProcessButEveryOtherProcess(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    deployWaitForCompletions(transport);
    deployAlsoWaitingForCompletions(transport);
    final ProcessInstanceEvent first = start(client, transport, "cohort-twice");
    final ProcessInstanceEvent second = start(client, transport, "cohort-twice");
    final ProcessInstanceEvent survey = startSurvey(client, transport, "cohort-twice");
    await().until(() -> ENGINE.reached(survey.getProcessInstanceKey(), "surveyWaits", ELEMENT_ACTIVATED));

    client.newPublishMessageCommand().messageName("completions-reported-" + transport).correlationKey("cohort-twice")
        .send().join();

    await().until(() -> ENGINE.isCompleted(survey.getProcessInstanceKey()));
    await().until(() -> ENGINE.isCompleted(first.getProcessInstanceKey()));
    assertThat(ENGINE.isCompleted(second.getProcessInstanceKey())).isFalse();
    assertThat(ENGINE.reached(second.getProcessInstanceKey(), "completionsReported", ELEMENT_ACTIVATED)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aBufferedMessageReachesTheFirstInstanceOfAProcessOnlyAndStillAnotherProcess(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    deployWaitForCompletions(transport);
    deployAlsoWaitingForCompletions(transport);
    client.newPublishMessageCommand().messageName("completions-reported-" + transport).correlationKey("buffered-once")
        .timeToLive(Duration.ofMinutes(10)).variables(Map.of("completed", 30)).send().join();

    final ProcessInstanceResult first = client.newCreateInstanceCommand().bpmnProcessId("delivery-" + transport)
        .latestVersion().variables(Map.of("cohortId", "buffered-once")).withResult().send().join();
    final ProcessInstanceEvent second = start(client, transport, "buffered-once");
    final ProcessInstanceResult survey = client.newCreateInstanceCommand().bpmnProcessId("survey-" + transport)
        .latestVersion().variables(Map.of("cohortId", "buffered-once")).withResult().send().join();

    assertThat(first.getVariablesAsMap()).containsEntry("completed", 30);
    assertThat(survey.getVariablesAsMap()).containsEntry("completed", 30);
    await().until(() -> ENGINE.reached(second.getProcessInstanceKey(), "completionsReported", ELEMENT_ACTIVATED));
    assertThat(ENGINE.isCompleted(second.getProcessInstanceKey())).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anExpiredMessageIsNoLongerCorrelated(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    deployWaitForCompletions(transport);
    client.newPublishMessageCommand().messageName("completions-reported-" + transport).correlationKey("late")
        .timeToLive(Duration.ofMinutes(1)).send().join();

    ENGINE.advanceClock(Duration.ofMinutes(2));
    await().until(() -> ENGINE.read(state -> state.messages.values().stream().noneMatch(m -> m.correlationKey.equals("late"))));
    final ProcessInstanceEvent instance = start(client, transport, "late");

    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "completionsReported", ELEMENT_ACTIVATED));
    assertThat(ENGINE.isCompleted(instance.getProcessInstanceKey())).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aSecondMessageWithTheSameIdIsRejectedWhileTheFirstIsBuffered(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    client.newPublishMessageCommand().messageName("hr-change").correlationKey("emp-7")
        .messageId("evt-" + transport).timeToLive(Duration.ofHours(1)).send().join();

    assertThatThrownBy(() -> client.newPublishMessageCommand().messageName("hr-change").correlationKey("emp-7")
        .messageId("evt-" + transport).timeToLive(Duration.ofHours(1)).send().join())
        .hasMessageContaining("evt-" + transport)
        .satisfies(e -> assertThat(Errors.statusOf(e)).isEqualTo(Errors.Status.ALREADY_EXISTS));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aMessageStartEventStartsTheLatestVersion(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    ENGINE.deploy(transport, Bpmn.createExecutableProcess("request-" + transport)
        .startEvent("requestReceived").message("learning-request-" + transport)
        .serviceTask("triage", t -> t.zeebeJobType("triage-" + transport)).endEvent().done());

    client.newPublishMessageCommand().messageName("learning-request-" + transport).withoutCorrelationKey()
        .variables(Map.of("topic", "Excel for analysts")).send().join();

    assertThat(activateOne(client, "triage-" + transport).getVariablesAsMap()).containsEntry("topic", "Excel for analysts");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aSecondRequestForTheSameProgramWaitsUntilTheFirstInstanceEnds(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String process = "program-request-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(process)
        .startEvent("requested").message("program-requested-" + transport)
        .serviceTask("review", t -> t.zeebeJobType("review-" + transport)).endEvent().done());
    final java.util.function.Supplier<Long> runningInstances = () -> ENGINE.read(state -> state.elementInstances.values()
        .stream().filter(i -> i.isRoot() && i.bpmnProcessId.equals(process)).count());

    client.newPublishMessageCommand().messageName("program-requested-" + transport).correlationKey("P-7")
        .variables(Map.of("attempt", 1)).send().join();
    client.newPublishMessageCommand().messageName("program-requested-" + transport).correlationKey("P-7")
        .timeToLive(java.time.Duration.ofHours(1)).variables(Map.of("attempt", 2)).send().join();
    client.newPublishMessageCommand().messageName("program-requested-" + transport).correlationKey("P-8")
        .variables(Map.of("attempt", 1)).send().join();

    assertThat(runningInstances.get()).isEqualTo(2L);
    final var first = activateOne(client, "review-" + transport);
    final var other = activateOne(client, "review-" + transport);
    assertThat(List.of(first.getVariablesAsMap().get("attempt"), other.getVariablesAsMap().get("attempt")))
        .containsOnly(1);
    client.newCompleteCommand(first).send().join();
    client.newCompleteCommand(other).send().join();
    assertThat(activateOne(client, "review-" + transport).getVariablesAsMap()).containsEntry("attempt", 2);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aMessageAnInstanceCaughtDoesNotStartItsProcessAgainWhenTheInstanceEnds(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String process = "enrolment-batch-" + transport;
    final String message = "enrolment-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(process)
        .startEvent("firstEnrolment").message(message)
        .intermediateCatchEvent("secondEnrolment").message(m -> m.name(message).zeebeCorrelationKeyExpression("batch"))
        .serviceTask("enrolBatch", t -> t.zeebeJobType("enrol-batch-" + transport)).endEvent().done());
    final java.util.function.Supplier<Long> runningInstances = () -> ENGINE.read(state -> state.elementInstances.values()
        .stream().filter(i -> i.isRoot() && i.bpmnProcessId.equals(process)).count());

    client.newPublishMessageCommand().messageName(message).correlationKey("B-1").timeToLive(Duration.ofHours(1))
        .variables(Map.of("batch", "B-1", "learner", "ada")).send().join();
    client.newPublishMessageCommand().messageName(message).correlationKey("B-1").timeToLive(Duration.ofHours(1))
        .variables(Map.of("learner", "grace")).send().join();
    final var batch = activateOne(client, "enrol-batch-" + transport);
    client.newCompleteCommand(batch).send().join();

    assertThat(batch.getVariablesAsMap()).containsEntry("learner", "grace");
    assertThat(runningInstances.get()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anInterruptingMessageBoundaryCancelsTheTaskAndANonInterruptingOneRunsAlongside(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "vendor-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("awaitQuote", t -> t.zeebeJobType("quote-" + transport))
        .boundaryEvent("withdrawn", b -> b.cancelActivity(true)
            .message(m -> m.name("vendor-withdrew-" + transport).zeebeCorrelationKeyExpression("vendorId")))
        .endEvent("cancelled")
        .moveToActivity("awaitQuote")
        .boundaryEvent("reminder", b -> b.cancelActivity(false)
            .message(m -> m.name("vendor-question-" + transport).zeebeCorrelationKeyExpression("vendorId")))
        .serviceTask("answer", t -> t.zeebeJobType("answer-" + transport)).endEvent()
        .moveToActivity("awaitQuote").endEvent("quoted")
        .done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("vendorId", "v-42")).send().join();
    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "awaitQuote", ELEMENT_ACTIVATED));

    client.newPublishMessageCommand().messageName("vendor-question-" + transport).correlationKey("v-42").send().join();
    activateOne(client, "answer-" + transport);
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "awaitQuote", ELEMENT_TERMINATED)).isFalse();

    client.newPublishMessageCommand().messageName("vendor-withdrew-" + transport).correlationKey("v-42").send().join();
    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "cancelled", ELEMENT_COMPLETED));
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "awaitQuote", ELEMENT_TERMINATED)).isTrue();
  }

  /** Another process waiting for the same message: it gets its own copy. */
  private static void deployAlsoWaitingForCompletions(Transport transport) {
    ENGINE.deploy(transport, Bpmn.createExecutableProcess("survey-" + transport).startEvent()
        .intermediateCatchEvent("surveyWaits")
        .message(m -> m.name("completions-reported-" + transport).zeebeCorrelationKeyExpression("cohortId"))
        .endEvent().done());
  }

  private static ProcessInstanceEvent startSurvey(CamundaClient client, Transport transport, String cohortId) {
    return client.newCreateInstanceCommand().bpmnProcessId("survey-" + transport).latestVersion()
        .variables(Map.of("cohortId", cohortId)).send().join();
  }

  private static ProcessInstanceEvent start(CamundaClient client, Transport transport, String cohortId) {
    return client.newCreateInstanceCommand().bpmnProcessId("delivery-" + transport).latestVersion()
        .variables(Map.of("cohortId", cohortId)).send().join();
  }
}
