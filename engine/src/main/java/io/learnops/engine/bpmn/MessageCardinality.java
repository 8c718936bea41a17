package io.learnops.engine.bpmn;

import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.Message;
import io.learnops.engine.state.Subscription;
import java.util.Optional;

/**
 * Zeebe's message cardinality: a message is correlated at most once per process (BPMN process id,
 * across all its versions), whether it is waited for by several instances of that process, by
 * several subscriptions within one instance, or by its message start event. Different processes
 * each receive it once. Publishing and opening a subscription both ask here, so that a buffered
 * message cannot reach a second instance of a process that already had it.
 */
public final class MessageCardinality {

  private final EngineState state;

  public MessageCardinality(EngineState state) {
    this.state = state;
  }

  public boolean mayReach(Message message, String bpmnProcessId) {
    return !message.correlatedProcesses.contains(bpmnProcessId);
  }

  /**
   * The oldest live buffered message a newly opened subscription may take. Taking it is a record
   * ({@link io.learnops.engine.bpmn.behavior.EventSubscriptions#claim}), which marks the message as having reached the process.
   */
  public Optional<Message> buffered(Subscription subscription, long now) {
    final ElementInstance waiting = state.elementInstances.get(subscription.elementInstanceKey);
    if (waiting == null) {
      return Optional.empty();
    }
    for (final Message message : state.bufferedMessages(subscription.tenantId, subscription.name,
        subscription.correlationKey)) {
      if (message.deadline > now && mayReach(message, waiting.bpmnProcessId)) {
        return Optional.of(message);
      }
    }
    return Optional.empty();
  }
}
