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

  public void reached(Message message, String bpmnProcessId) {
    message.correlatedProcesses.add(bpmnProcessId);
  }

  /** Whether the message may go to this subscription's process; if so, it counts as having reached it. */
  public boolean claim(Message message, Subscription subscription) {
    final ElementInstance waiting = state.elementInstances.get(subscription.elementInstanceKey);
    return waiting != null && message.correlatedProcesses.add(waiting.bpmnProcessId);
  }

  /** The oldest live buffered message a newly opened subscription may take, claimed for its process. */
  public Optional<Message> claimBuffered(Subscription subscription, long now) {
    for (final Message message : state.bufferedMessages(subscription.tenantId, subscription.name,
        subscription.correlationKey)) {
      if (message.deadline > now && claim(message, subscription)) {
        return Optional.of(message);
      }
    }
    return Optional.empty();
  }
}
