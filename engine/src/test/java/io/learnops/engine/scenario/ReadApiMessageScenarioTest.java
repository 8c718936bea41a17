package io.learnops.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.CorrelateMessageResponse;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.enums.MessageSubscriptionState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.CorrelatedMessageSubscription;
import io.camunda.client.api.search.response.MessageSubscription;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Message correlation ({@code newCorrelateMessageCommand}) and the subscriptions and correlated
 * messages it leaves in the read API.
 */
class ReadApiMessageScenarioTest {

  @RegisterExtension static final EngineUnderTest ENGINE = new EngineUnderTest();

  private static CamundaClient client;

  @BeforeAll
  static void deploy() {
    client = ENGINE.client(Transport.REST);
    ENGINE.deploy(Transport.REST,
        Bpmn.createExecutableProcess("approval").startEvent()
            .intermediateCatchEvent("approved")
            .message(m -> m.name("budget-approved").zeebeCorrelationKeyExpression("programId"))
            .endEvent().done(),
        Bpmn.createExecutableProcess("intake").startEvent("requestReceived")
            .message(m -> m.name("program-requested")).endEvent().done());
  }

  @Test
  void correlatingReachesTheWaitingInstanceAtOnceAndIsListed() {
    // given
    final ProcessInstanceEvent waiting = start("p-1");
    final MessageSubscription open = subscriptionOf(waiting.getProcessInstanceKey());

    // when
    final CorrelateMessageResponse correlated = client.newCorrelateMessageCommand().messageName("budget-approved")
        .correlationKey("p-1").variables(Map.of("budget", 12000)).send().join();

    // then
    assertThat(open.getMessageSubscriptionState()).isEqualTo(MessageSubscriptionState.CREATED);
    assertThat(open.getElementId()).isEqualTo("approved");
    assertThat(correlated.getProcessInstanceKey()).isEqualTo(waiting.getProcessInstanceKey());
    assertThat(correlated.getMessageKey()).isPositive();
    assertThat(client.newProcessInstanceGetRequest(waiting.getProcessInstanceKey()).send().join().getState())
        .isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(subscriptionOf(waiting.getProcessInstanceKey()).getMessageSubscriptionState())
        .isEqualTo(MessageSubscriptionState.CORRELATED);
    final CorrelatedMessageSubscription listed = client.newCorrelatedMessageSubscriptionSearchRequest()
        .filter(f -> f.processInstanceKey(waiting.getProcessInstanceKey())).send().join().singleItem();
    assertThat(listed.getMessageKey()).isEqualTo(correlated.getMessageKey());
    assertThat(listed.getSubscriptionKey()).isEqualTo(open.getMessageSubscriptionKey());
    assertThat(listed.getCorrelationKey()).isEqualTo("p-1");
  }

  @Test
  void correlatingStartsAProcessWithAMatchingMessageStartEvent() {
    // when
    final CorrelateMessageResponse correlated = client.newCorrelateMessageCommand().messageName("program-requested")
        .withoutCorrelationKey().send().join();

    // then
    assertThat(client.newProcessInstanceGetRequest(correlated.getProcessInstanceKey()).send().join()
        .getProcessDefinitionId()).isEqualTo("intake");
  }

  @Test
  void correlatingANameAndKeyNobodyWaitsForIsA404NamingThem() {
    assertThatThrownBy(() -> client.newCorrelateMessageCommand().messageName("budget-approved")
        .correlationKey("nobody").send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> {
          assertThat(((ProblemException) e).code()).isEqualTo(404);
          assertThat(((ProblemException) e).details().getDetail()).contains("'budget-approved'").contains("'nobody'");
        });
  }

  @Test
  void aSubscriptionOfACancelledInstanceIsDeleted() {
    // given
    final ProcessInstanceEvent waiting = start("p-9");

    // when
    client.newCancelInstanceCommand(waiting.getProcessInstanceKey()).send().join();

    // then
    assertThat(subscriptionOf(waiting.getProcessInstanceKey()).getMessageSubscriptionState())
        .isEqualTo(MessageSubscriptionState.DELETED);
  }

  private static ProcessInstanceEvent start(String programId) {
    return client.newCreateInstanceCommand().bpmnProcessId("approval").latestVersion()
        .variables(Map.of("programId", programId)).send().join();
  }

  private static MessageSubscription subscriptionOf(long processInstanceKey) {
    return client.newMessageSubscriptionSearchRequest().filter(f -> f.processInstanceKey(processInstanceKey))
        .send().join().singleItem();
  }
}
