package io.learnops.engine.bpmn.gateway;

import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.ElementProcessor;
import io.learnops.engine.bpmn.RecordWriter;
import io.learnops.engine.bpmn.behavior.EventSubscriptions;
import io.learnops.engine.bpmn.behavior.FollowUps;
import io.learnops.engine.bpmn.behavior.InstanceNavigation;
import io.learnops.engine.bpmn.behavior.SequenceFlows;
import io.learnops.engine.bpmn.behavior.StateTransitions;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import io.learnops.engine.state.Subscription;
import java.util.Map;

/**
 * Event-based gateways: the gateway instance waits ACTIVATED for every event behind it (their
 * subscriptions and timers are its own); the first to happen wins ({@link #passTo}): the gateway
 * completes and the flow to that event is taken, and the event is activated already triggered.
 */
public final class EventBasedGatewayProcessor implements ElementProcessor {

  private final ElementLifecycle lifecycle;
  private final InstanceNavigation navigation;
  private final StateTransitions transitions;
  private final EventSubscriptions subscriptions;
  private final RecordWriter records;
  private final FollowUps followUps;
  private final SequenceFlows flows;

  public EventBasedGatewayProcessor(ElementLifecycle lifecycle, InstanceNavigation navigation,
      StateTransitions transitions, EventSubscriptions subscriptions, RecordWriter records, FollowUps followUps,
      SequenceFlows flows) {
    this.lifecycle = lifecycle;
    this.navigation = navigation;
    this.transitions = transitions;
    this.subscriptions = subscriptions;
    this.records = records;
    this.followUps = followUps;
    this.flows = flows;
  }

  @Override
  public boolean onActivate(ElementInstance instance, FlowNode node) {
    if (subscriptions.openGatewayEvents(instance, node)) {
      transitions.transition(instance, ElementState.ACTIVATED);
      subscriptions.correlateBufferedMessage(instance, this::correlate);
    }
    return false;
  }

  /** The first event wins: the gateway completes and its flow leads to that event, already triggered. */
  public void passTo(ElementInstance gateway, FlowNode event, Map<String, Object> eventVariables) {
    final ElementInstance scope = navigation.flowScope(gateway);
    final String flowId = navigation.node(gateway).outgoing().stream()
        .filter(flow -> flow.targetId().equals(event.id())).findFirst().orElseThrow().id();
    subscriptions.closeAll(gateway);
    transitions.transition(gateway, ElementState.COMPLETING);
    transitions.transition(gateway, ElementState.COMPLETED);
    records.write(-1, ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN, scope.sequenceFlowValue(flowId));
    lifecycle.activateTriggered(event, scope, eventVariables);
  }

  /** A gateway completes by {@link #passTo}; were it completed otherwise, it would leave like any element. */
  @Override
  public void onComplete(ElementInstance instance, FlowNode node) {
    flows.leave(instance, node.outgoing());
  }

  /** A buffered message for one of the gateway's events passes the gateway, as a published one would. */
  private void correlate(Subscription subscription, long messageKey, Map<String, Object> eventVariables) {
    subscriptions.reach(subscription, messageKey, eventVariables).ifPresent(gateway -> {
      passTo(gateway, navigation.process(gateway).element(subscription.catchElementId), eventVariables);
      followUps.runAll();
    });
  }
}
