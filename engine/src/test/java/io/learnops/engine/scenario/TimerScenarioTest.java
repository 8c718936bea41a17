package io.learnops.engine.scenario;

import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_ACTIVATED;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_COMPLETED;
import static io.learnops.engine.record.Intent.ProcessInstanceIntent.ELEMENT_TERMINATED;
import static io.learnops.engine.scenario.JobWorkerScenarioTest.activateOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Timers fire when the engine clock passes them; the tests move the clock instead of waiting. */
class TimerScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aFollowUpWaitsThirtyDaysOfEngineTime(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "follow-up-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .intermediateCatchEvent("day30").timerWithDurationExpression("followUpAfter")
        .endEvent("surveySent").done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("followUpAfter", "P30D")).send().join();
    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "day30", ELEMENT_ACTIVATED));

    ENGINE.advanceClock(Duration.ofDays(29));
    assertThat(ENGINE.isCompleted(instance.getProcessInstanceKey())).isFalse();
    ENGINE.advanceClock(Duration.ofDays(1).plusMinutes(1));

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void anInterruptingTimerBoundaryEscalatesAnOverdueApproval(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "sla-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("approve", t -> t.zeebeJobType("approve-" + transport))
        .boundaryEvent("overdue", b -> b.cancelActivity(true).timerWithDuration("PT48H"))
        .endEvent("escalated")
        .moveToActivity("approve").endEvent("approved")
        .done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .send().join();
    activateOne(client, "approve-" + transport);

    ENGINE.advanceClock(Duration.ofHours(49));

    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "escalated", ELEMENT_COMPLETED));
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "approve", ELEMENT_TERMINATED)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aNonInterruptingCycleSendsRemindersWhileTheTaskWaits(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "reminders-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .serviceTask("approve", t -> t.zeebeJobType("slow-approve-" + transport))
        .boundaryEvent("remind", b -> b.cancelActivity(false).timerWithCycle("R2/PT24H"))
        .serviceTask("sendReminder", t -> t.zeebeJobType("remind-" + transport)).endEvent()
        .moveToActivity("approve").endEvent("approved")
        .done());
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .send().join();
    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "approve", ELEMENT_ACTIVATED));

    for (int day = 1; day <= 3; day++) {
      ENGINE.advanceClock(Duration.ofHours(24));
      final int expected = Math.min(day, 2);
      await().until(() -> reminders(instance.getProcessInstanceKey()) == expected);
    }
    assertThat(ENGINE.reached(instance.getProcessInstanceKey(), "approve", ELEMENT_TERMINATED)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aTimerStartEventStartsInstancesOnItsCycle(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "weekly-report-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent("weekly").timerWithCycle("R/P7D")
        .serviceTask("report", t -> t.zeebeJobType("report-" + transport)).endEvent().done());

    ENGINE.advanceClock(Duration.ofDays(7).plusMinutes(1));

    assertThat(activateOne(client, "report-" + transport).getBpmnProcessId()).isEqualTo(id);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aTimerDateWaitsUntilThatMoment(Transport transport) {
    final CamundaClient client = ENGINE.client(transport);
    final String id = "launch-day-" + transport;
    ENGINE.deploy(transport, Bpmn.createExecutableProcess(id).startEvent()
        .intermediateCatchEvent("launchDay").timerWithDateExpression("launchAt")
        .endEvent("launched").done());
    final String launchAt = ENGINE.engine().clock().now().plus(Duration.ofDays(3)).toString();
    final ProcessInstanceEvent instance = client.newCreateInstanceCommand().bpmnProcessId(id).latestVersion()
        .variables(Map.of("launchAt", launchAt)).send().join();
    await().until(() -> ENGINE.reached(instance.getProcessInstanceKey(), "launchDay", ELEMENT_ACTIVATED));

    ENGINE.advanceClock(Duration.ofDays(3).plusSeconds(1));

    await().until(() -> ENGINE.isCompleted(instance.getProcessInstanceKey()));
  }

  private static long reminders(long processInstanceKey) {
    return ENGINE.records().processInstanceRecords()
        .filter(r -> r.value().processInstanceKey() == processInstanceKey && "remind".equals(r.value().elementId())
            && r.intent() == ELEMENT_COMPLETED)
        .count();
  }
}
