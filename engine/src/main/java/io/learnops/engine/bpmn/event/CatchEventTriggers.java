package io.learnops.engine.bpmn.event;

import io.learnops.engine.bpmn.ElementLifecycle;
import io.learnops.engine.bpmn.MessageStart;
import io.learnops.engine.bpmn.ProcessCache;
import io.learnops.engine.bpmn.RecordWriter;
import io.learnops.engine.bpmn.behavior.EventSubscriptions;
import io.learnops.engine.bpmn.behavior.FollowUps;
import io.learnops.engine.bpmn.behavior.InstanceNavigation;
import io.learnops.engine.bpmn.behavior.Timers;
import io.learnops.engine.bpmn.container.EventSubProcessProcessor;
import io.learnops.engine.bpmn.container.ProcessInstanceCreation;
import io.learnops.engine.bpmn.gateway.EventBasedGatewayProcessor;
import io.learnops.engine.model.ElementType;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.record.Intent.TimerIntent;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Subscription;
import io.learnops.engine.state.Timer;
import java.util.Map;

/**
 * A message, signal or timer that an element instance waited for happened. What it does depends on
 * what caught it: the instance's own catch event (an intermediate catch event, a receive task)
 * completes; an event subprocess's start event starts the event subprocess in the waiting scope;
 * an event behind an event-based gateway passes the gateway; a boundary event is triggered on its
 * activity. A timer start event starts an instance of its process.
 */
public final class CatchEventTriggers {

  private final EngineState state;
  private final InstanceNavigation navigation;
  private final EventSubscriptions subscriptions;
  private final Timers timers;
  private final RecordWriter records;
  private final FollowUps followUps;
  private final ProcessCache processes;
  private final ElementLifecycle lifecycle;
  private final BoundaryEventProcessor boundaryEvents;
  private final EventSubProcessProcessor eventSubProcesses;
  private final EventBasedGatewayProcessor eventBasedGateways;
  private final ProcessInstanceCreation creation;

  public CatchEventTriggers(EngineState state, InstanceNavigation navigation, EventSubscriptions subscriptions,
      Timers timers, RecordWriter records, FollowUps followUps, ProcessCache processes, ElementLifecycle lifecycle,
      BoundaryEventProcessor boundaryEvents, EventSubProcessProcessor eventSubProcesses,
      EventBasedGatewayProcessor eventBasedGateways, ProcessInstanceCreation creation) {
    this.state = state;
    this.navigation = navigation;
    this.subscriptions = subscriptions;
    this.timers = timers;
    this.records = records;
    this.followUps = followUps;
    this.processes = processes;
    this.lifecycle = lifecycle;
    this.boundaryEvents = boundaryEvents;
    this.eventSubProcesses = eventSubProcesses;
    this.eventBasedGateways = eventBasedGateways;
    this.creation = creation;
  }

  /**
   * A message or signal arrived for a subscription. A message subscription that interrupts (every
   * one but those of non-interrupting boundary events and event subprocesses) closes with it.
   *
   * @param messageKey the message's key; -1 for a signal
   */
  public void correlate(Subscription subscription, long messageKey, Map<String, Object> eventVariables) {
    subscriptions.reach(subscription, messageKey, eventVariables).ifPresent(waiting -> {
      trigger(waiting, subscription.catchElementId, eventVariables);
      followUps.runAll();
    });
  }

  /** A timer is due. A non-interrupting boundary or event subprocess timer that fired is scheduled again. */
  public void triggerTimer(Timer timer) {
    records.write(timer.key, TimerIntent.TRIGGERED, timer.toValue());
    if (timer.elementInstanceKey < 0) {
      startByTimer(timer);
      followUps.runAll();
      return;
    }
    final ElementInstance waiting = state.elementInstances.get(timer.elementInstanceKey);
    if (waiting == null || waiting.state != ElementState.ACTIVATED) {
      return;
    }
    final boolean boundary = !timer.catchElementId.equals(waiting.elementId) && waiting.type != ElementType.EVENT_BASED_GATEWAY;
    if (boundary && !navigation.process(waiting).element(timer.catchElementId).isInterrupting()) {
      timers.reschedule(timer);
    }
    trigger(waiting, timer.catchElementId, Map.of());
    followUps.runAll();
  }

  private void trigger(ElementInstance waiting, String catchElementId, Map<String, Object> eventVariables) {
    final FlowNode caught = navigation.process(waiting).element(catchElementId);
    if (catchElementId.equals(waiting.elementId)) {
      lifecycle.complete(waiting, eventVariables);
    } else if (caught.type() == ElementType.START_EVENT) {
      eventSubProcesses.start(waiting, caught, eventVariables);
    } else if (waiting.type == ElementType.EVENT_BASED_GATEWAY) {
      eventBasedGateways.passTo(waiting, caught, eventVariables);
    } else {
      boundaryEvents.trigger(waiting, caught, eventVariables);
    }
  }

  /** A timer start event fired: a cycle is scheduled again, and an instance starts there. */
  private void startByTimer(Timer timer) {
    state.definition(timer.processDefinitionKey).ifPresent(definition -> {
      timers.reschedule(timer);
      creation.create(definition, Map.of(), processes.get(definition).element(timer.catchElementId), Map.of(),
          MessageStart.NONE);
    });
  }
}
