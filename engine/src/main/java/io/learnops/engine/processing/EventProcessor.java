package io.learnops.engine.processing;

import io.learnops.engine.api.EngineApi.MessageCorrelated;
import io.learnops.engine.api.EngineApi.MessagePublished;
import io.learnops.engine.api.Rejection;
import io.learnops.engine.bpmn.BpmnExecutor;
import io.learnops.engine.bpmn.MessageCardinality;
import io.learnops.engine.bpmn.MessageStart;
import io.learnops.engine.bpmn.ProcessCache;
import io.learnops.engine.model.EventType;
import io.learnops.engine.model.ExecutableProcess;
import io.learnops.engine.model.FlowNode;
import io.learnops.engine.processing.EngineCommand.BroadcastSignal;
import io.learnops.engine.processing.EngineCommand.CorrelateMessage;
import io.learnops.engine.processing.EngineCommand.PublishMessage;
import io.learnops.engine.record.Intent.MessageIntent;
import io.learnops.engine.record.Intent.SignalIntent;
import io.learnops.engine.record.RecordValue.MessageValue;
import io.learnops.engine.record.RecordValue.SignalValue;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Message;
import io.learnops.engine.state.ProcessDefinition;
import io.learnops.engine.state.Subscription;
import io.learnops.engine.state.Timer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Messages, signals and timers. A published message correlates to the waiting subscriptions that
 * match its name and correlation key and starts the latest version of processes with a matching
 * message start event, reaching each process at most once ({@link MessageCardinality}); it stays
 * buffered for its time to live for subscriptions opened later. A signal reaches every waiting
 * subscription and signal start event at once and is not buffered.
 */
final class EventProcessor {

  private final EngineState state;
  private final ProcessCache processes;
  private final BpmnExecutor executor;
  private final MessageCardinality cardinality;

  EventProcessor(EngineState state, ProcessCache processes, BpmnExecutor executor) {
    this.state = state;
    this.processes = processes;
    this.executor = executor;
    this.cardinality = new MessageCardinality(state);
    executor.onMessageStartedInstanceEnded(this::startWithBufferedMessage);
  }

  MessagePublished publish(PublishMessage command) {
    if (command.name() == null || command.name().isBlank()) {
      throw Rejection.invalidArgument("Expected a message name, but it was empty");
    }
    final boolean hasId = command.messageId() != null && !command.messageId().isBlank();
    if (hasId && state.bufferedMessageWithId(command.tenantId(), command.name(), command.messageId()).isPresent()) {
      throw Rejection.alreadyExists(
          "Expected to publish a new message with id '%s', but a message with that id was already published"
              .formatted(command.messageId()));
    }
    final long key = state.nextKey();
    executor.write(key, MessageIntent.PUBLISHED, new MessageValue(command.name(),
        command.correlationKey() == null ? "" : command.correlationKey(), hasId ? command.messageId() : null,
        deadline(command.timeToLiveMillis()), command.variables(), command.tenantId()));
    final Message message = state.messages.get(key);
    correlateToSubscriptions(message);
    startProcesses(message);
    if (command.timeToLiveMillis() <= 0) {
      executor.write(message.key, MessageIntent.EXPIRED, message.toValue());
    }
    return new MessagePublished(message.key, message.tenantId);
  }

  /** When a message's time to live runs out; one too long for the clock means never, instead of overflowing into the past. */
  private long deadline(long timeToLiveMillis) {
    final long ttl = Math.max(0, timeToLiveMillis);
    return ttl > Long.MAX_VALUE - executor.now() ? Long.MAX_VALUE : executor.now() + ttl;
  }

  /**
   * Correlates a message to the first waiting subscription with its name and correlation key, or
   * else starts the first process (latest version) with a matching message start event. Unlike
   * a published message it is never buffered: if nothing matches, the command is rejected.
   */
  MessageCorrelated correlate(CorrelateMessage command) {
    if (command.name() == null || command.name().isBlank()) {
      throw Rejection.invalidArgument("Expected a message name, but it was empty");
    }
    final String correlationKey = command.correlationKey() == null ? "" : command.correlationKey();
    final Optional<Subscription> waiting = state.subscriptions(Subscription.Kind.MESSAGE, command.tenantId(),
        command.name(), correlationKey).stream().filter(s -> !state.isBanned(s.processInstanceKey)).findFirst();
    final Optional<ProcessDefinition> starting = waiting.isPresent() ? Optional.empty()
        : state.latestDefinitions().stream()
            .filter(d -> d.tenantId.equals(command.tenantId()) && messageStartEvent(d, command.name()).isPresent())
            .findFirst();
    if (waiting.isEmpty() && starting.isEmpty()) {
      throw Rejection.notFound(("Expected to correlate message with name '%s' and correlation key '%s', but no process "
          + "instance is waiting for it and no process starts with it").formatted(command.name(), correlationKey));
    }
    final long messageKey = state.nextKey();
    final MessageValue message = new MessageValue(command.name(), correlationKey, null, executor.now(),
        command.variables(), command.tenantId());
    executor.write(messageKey, MessageIntent.PUBLISHED, message);
    final long processInstanceKey;
    if (waiting.isPresent()) {
      processInstanceKey = waiting.get().processInstanceKey;
      executor.correlate(waiting.get(), messageKey, command.variables());
    } else {
      final ProcessDefinition definition = starting.get();
      processInstanceKey = executor.createProcessInstance(definition, Map.of(),
          messageStartEvent(definition, command.name()).orElseThrow(), command.variables()).key;
    }
    executor.write(messageKey, MessageIntent.EXPIRED, message); // never buffered
    return new MessageCorrelated(messageKey, command.tenantId(), processInstanceKey);
  }

  private void correlateToSubscriptions(Message message) {
    for (final Subscription subscription : state.subscriptions(Subscription.Kind.MESSAGE, message.tenantId,
        message.name, message.correlationKey)) {
      // an earlier correlation may have closed this subscription (a gateway passed, a boundary interrupted)
      if (state.subscriptions.containsKey(subscription.key) && !state.isBanned(subscription.processInstanceKey)
          && executor.claim(message, subscription)) {
        executor.correlate(subscription, message.key, message.variables);
      }
    }
  }

  /**
   * Starts every process whose latest version has a message start event for the message and that
   * the message has not reached yet — unless an instance that a message with the same correlation
   * key started is still active: one active instance per correlation key, as in Zeebe. The message
   * then stays buffered and starts the next instance when that one ends.
   */
  private void startProcesses(Message message) {
    for (final ProcessDefinition definition : state.latestDefinitions()) {
      if (definition.tenantId.equals(message.tenantId) && cardinality.mayReach(message, definition.bpmnProcessId)) {
        messageStartEvent(definition, message.name).ifPresent(start -> startIfFree(definition, start, message));
      }
    }
  }

  private void startIfFree(ProcessDefinition definition, FlowNode start, Message message) {
    final boolean keyed = !message.correlationKey.isEmpty();
    if (keyed && hasActiveInstanceStartedWith(definition, message.correlationKey)) {
      return;
    }
    executor.createProcessInstance(definition, start, message.variables,
        new MessageStart(message.key, message.correlationKey));
  }

  private boolean hasActiveInstanceStartedWith(ProcessDefinition definition, String correlationKey) {
    return state.elementInstances.values().stream().anyMatch(instance -> instance.isRoot()
        && correlationKey.equals(instance.messageStartCorrelationKey)
        && instance.bpmnProcessId.equals(definition.bpmnProcessId) && instance.tenantId.equals(definition.tenantId));
  }

  /** An instance a message started ended: the oldest buffered message with its key may start the next. */
  private void startWithBufferedMessage(ElementInstance ended) {
    state.latestDefinition(ended.tenantId, ended.bpmnProcessId).ifPresent(definition -> messageStartEvents(definition)
        .flatMap(start -> state.bufferedMessages(ended.tenantId, String.valueOf(start.message().name().staticValue()),
                ended.messageStartCorrelationKey).stream()
            .filter(m -> m.deadline > executor.now() && cardinality.mayReach(m, ended.bpmnProcessId))
            .map(m -> Map.entry(start, m)))
        .min(Comparator.comparingLong(candidate -> candidate.getValue().key))
        .ifPresent(oldest -> startIfFree(definition, oldest.getKey(), oldest.getValue())));
  }

  void expire(List<Long> messageKeys) {
    for (final long key : messageKeys) {
      final Message message = state.messages.get(key);
      if (message != null && message.deadline <= executor.now()) {
        executor.write(message.key, MessageIntent.EXPIRED, message.toValue());
      }
    }
  }

  long broadcast(BroadcastSignal command) {
    if (command.signalName() == null || command.signalName().isBlank()) {
      throw Rejection.invalidArgument("Expected a signal name, but it was empty");
    }
    final long key = state.nextKey();
    executor.write(key, SignalIntent.BROADCASTED,
        new SignalValue(command.signalName(), command.variables(), command.tenantId()));
    executor.broadcastSignal(command.signalName(), command.variables(), command.tenantId());
    return key;
  }

  void triggerTimers(List<Long> timerKeys) {
    for (final long key : timerKeys) {
      final Timer timer = state.timers.get(key);
      if (timer != null && timer.dueDate <= executor.now() && !state.isBanned(timer.processInstanceKey)) {
        executor.triggerTimer(timer);
      }
    }
  }

  private Optional<FlowNode> messageStartEvent(ProcessDefinition definition, String messageName) {
    return messageStartEvents(definition)
        .filter(start -> messageName.equals(start.message().name().staticValue()))
        .findFirst();
  }

  private Stream<FlowNode> messageStartEvents(ProcessDefinition definition) {
    final ExecutableProcess process = processes.get(definition);
    return process.startEvents().stream()
        .filter(s -> s.eventType() == EventType.MESSAGE)
        .filter(s -> s.message().name().isStatic());
  }
}
