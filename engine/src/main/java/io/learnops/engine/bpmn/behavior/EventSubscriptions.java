package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.bpmn.MessageCardinality;
import io.learnops.engine.bpmn.RecordWriter;
import io.learnops.engine.feel.Expression;
import io.learnops.engine.feel.ExpressionLanguage;
import io.learnops.engine.feel.ExpressionLanguage.Evaluation;
import io.learnops.engine.model.EventType;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.model.SequenceFlow;
import io.learnops.engine.record.Intent.ProcessMessageSubscriptionIntent;
import io.learnops.engine.record.Intent.SignalSubscriptionIntent;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.ElementState;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Incident;
import io.learnops.engine.state.Message;
import io.learnops.engine.state.Subscription;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an element instance waits for besides its job: the message and signal subscriptions and
 * timers of its catch event, its boundary events, the events behind an event-based gateway, or
 * the triggers of the event subprocesses in a scope. An instance that stops waiting (it completes,
 * is terminated, or an event chose its path) closes all of them.
 *
 * <p>Error and escalation events have no subscription: a thrown one is caught by a search up the
 * scopes ({@link Catchers}).
 */
public final class EventSubscriptions {

  private final EngineState state;
  private final ExpressionLanguage feel;
  private final VariableBehavior variables;
  private final IncidentBehavior incidents;
  private final RecordWriter records;
  private final InstanceNavigation navigation;
  private final Timers timers;
  private final MessageCardinality messageCardinality;
  private final CommandTime time;
  private final FollowUps followUps;

  public EventSubscriptions(EngineState state, ExpressionLanguage feel, VariableBehavior variables,
      IncidentBehavior incidents, RecordWriter records, InstanceNavigation navigation, Timers timers,
      MessageCardinality messageCardinality, CommandTime time, FollowUps followUps) {
    this.state = state;
    this.feel = feel;
    this.variables = variables;
    this.incidents = incidents;
    this.records = records;
    this.navigation = navigation;
    this.timers = timers;
    this.messageCardinality = messageCardinality;
    this.time = time;
    this.followUps = followUps;
  }

  // ---- opening --------------------------------------------------------------------------

  /** Opens the activity's message, signal and timer boundary events; returns false after raising an incident. */
  public boolean openBoundaryEvents(ElementInstance activity, FlowNode node) {
    if (navigation.isInnerInstance(activity)) {
      return true; // a multi-instance activity's boundary events are on its body
    }
    closeAll(activity);
    for (final FlowNode boundary : node.boundaryEvents()) {
      if (boundary.eventType() != EventType.ERROR && boundary.eventType() != EventType.ESCALATION
          && !open(activity, boundary)) {
        return false;
      }
    }
    return true;
  }

  /** Opens the subscription or timer of a catch event or receive task on its own instance. */
  public boolean openCatchEvent(ElementInstance instance, FlowNode node) {
    return open(instance, node);
  }

  /** The gateway instance waits for every event behind it; the first to happen wins. */
  public boolean openGatewayEvents(ElementInstance gateway, FlowNode node) {
    closeAll(gateway);
    for (final SequenceFlow flow : node.outgoing()) {
      if (!open(gateway, navigation.process(gateway).element(flow.targetId()))) {
        return false;
      }
    }
    return true;
  }

  /** Opens the message, timer and signal triggers of the event subprocesses directly inside a scope. */
  public boolean openEventSubProcessTriggers(ElementInstance scope, FlowNode container) {
    for (final FlowNode eventSubProcess : container.eventSubProcesses()) {
      final FlowNode start = eventSubProcess.triggerStartEvent();
      if (start.eventType() != EventType.ERROR && start.eventType() != EventType.ESCALATION && !open(scope, start)) {
        return false;
      }
    }
    return true;
  }

  /** Opens the subscription or timer of a catch or boundary event on the waiting instance. */
  private boolean open(ElementInstance waiting, FlowNode event) {
    return switch (event.eventType()) {
      case MESSAGE -> openMessageSubscription(waiting, event);
      case SIGNAL -> openSignalSubscription(waiting, event);
      case TIMER -> timers.schedule(waiting, event);
      default -> true;
    };
  }

  private boolean openMessageSubscription(ElementInstance waiting, FlowNode event) {
    final Evaluation name = feel.evaluate(event.message().name(), variables.lookup(waiting.key));
    final Evaluation key = event.message().correlationKey()
        .map(expression -> feel.evaluate(expression, variables.lookup(waiting.key)))
        .orElse(new Evaluation(null, "no correlation key"));
    final String failure = name.isFailure() ? name.error()
        : key.isFailure() ? key.error()
        : !(key.value() instanceof String || key.value() instanceof Number)
            ? "Failed to extract the correlation key for '%s': The value must be either a string or a number, but was '%s'."
                .formatted(event.message().correlationKey().map(Expression::source).orElse(""), key.value())
        : null;
    if (failure != null) {
      incidents.raise(waiting, Incident.ErrorType.EXTRACT_VALUE_ERROR, failure, Incident.Retry.ACTIVATE);
      return false;
    }
    final Subscription subscription = subscription(waiting, event, Subscription.Kind.MESSAGE, String.valueOf(name.value()));
    subscription.correlationKey = String.valueOf(key.value());
    records.write(subscription.key, ProcessMessageSubscriptionIntent.CREATED, subscription.toValue(waiting, -1, Map.of()));
    return true;
  }

  private boolean openSignalSubscription(ElementInstance waiting, FlowNode event) {
    final Evaluation name = feel.evaluate(event.signalName(), variables.lookup(waiting.key));
    if (name.isFailure()) {
      incidents.raise(waiting, Incident.ErrorType.EXTRACT_VALUE_ERROR, name.error(), Incident.Retry.ACTIVATE);
      return false;
    }
    final Subscription subscription = subscription(waiting, event, Subscription.Kind.SIGNAL, String.valueOf(name.value()));
    records.write(subscription.key, SignalSubscriptionIntent.CREATED, subscription.toSignalValue(waiting));
    return true;
  }

  private Subscription subscription(ElementInstance waiting, FlowNode event, Subscription.Kind kind, String name) {
    final Subscription subscription = new Subscription();
    subscription.key = state.nextKey();
    subscription.kind = kind;
    subscription.name = name;
    subscription.elementInstanceKey = waiting.key;
    subscription.catchElementId = event.id();
    subscription.processInstanceKey = waiting.processInstanceKey;
    subscription.tenantId = waiting.tenantId;
    subscription.interrupting = event.isInterrupting();
    return subscription;
  }

  // ---- closing --------------------------------------------------------------------------

  /** The instance waits for no event any more: its subscriptions close and its timers are canceled. */
  public void closeAll(ElementInstance instance) {
    state.subscriptionsOf(instance.key).forEach(subscription -> close(instance, subscription));
    state.timersOf(instance.key).forEach(timers::cancel);
  }

  /** An interrupting event subprocess started: the scope's other event subprocesses can no longer be triggered. */
  public void closeEventSubProcessTriggers(ElementInstance scope, FlowNode container) {
    final Set<String> triggers = new HashSet<>();
    container.eventSubProcesses().forEach(eventSubProcess -> triggers.add(eventSubProcess.triggerStartEvent().id()));
    state.subscriptionsOf(scope.key).stream().filter(subscription -> triggers.contains(subscription.catchElementId))
        .forEach(subscription -> close(scope, subscription));
    state.timersOf(scope.key).stream().filter(timer -> triggers.contains(timer.catchElementId))
        .forEach(timers::cancel);
  }

  private void close(ElementInstance waiting, Subscription subscription) {
    if (subscription.kind == Subscription.Kind.MESSAGE) {
      records.write(subscription.key, ProcessMessageSubscriptionIntent.DELETED, subscription.toValue(waiting, -1, Map.of()));
    } else {
      records.write(subscription.key, SignalSubscriptionIntent.DELETED, subscription.toSignalValue(waiting));
    }
  }

  // ---- messages -------------------------------------------------------------------------

  /**
   * Claims a message for a subscription's process if it may still reach it ({@link
   * MessageCardinality}): from then on it reaches no other instance of that process.
   */
  public boolean claim(Message message, Subscription subscription) {
    final ElementInstance waiting = state.elementInstances.get(subscription.elementInstanceKey);
    if (waiting == null || !messageCardinality.mayReach(message, waiting.bpmnProcessId)) {
      return false;
    }
    records.write(subscription.key, ProcessMessageSubscriptionIntent.CORRELATING,
        subscription.toValue(waiting, message.key, message.variables));
    return true;
  }

  /**
   * A message published before the instance started waiting for it reaches the first of its
   * message subscriptions that it may: claimed now, correlated as follow-up work.
   */
  public void correlateBufferedMessage(ElementInstance instance, MessageCorrelation correlation) {
    for (final Subscription subscription : state.subscriptionsOf(instance.key)) {
      if (subscription.kind != Subscription.Kind.MESSAGE) {
        continue;
      }
      final Optional<Message> buffered = messageCardinality.buffered(subscription, time.now())
          .filter(message -> claim(message, subscription));
      if (buffered.isPresent()) {
        final Message message = buffered.get();
        followUps.add(() -> correlation.correlate(subscription, message.key, message.variables));
        return;
      }
    }
  }

  /**
   * The instance a message or signal reaches through the subscription, if it still waits; a
   * message's correlation is recorded.
   *
   * @param messageKey the message's key; -1 for a signal
   */
  public Optional<ElementInstance> reach(Subscription subscription, long messageKey, Map<String, Object> eventVariables) {
    final ElementInstance waiting = state.elementInstances.get(subscription.elementInstanceKey);
    if (waiting == null || waiting.state != ElementState.ACTIVATED) {
      return Optional.empty();
    }
    if (subscription.kind == Subscription.Kind.MESSAGE) {
      records.write(subscription.key, ProcessMessageSubscriptionIntent.CORRELATED,
          subscription.toValue(waiting, messageKey, eventVariables));
    }
    return Optional.of(waiting);
  }
}
