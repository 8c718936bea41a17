package io.learnops.engine.bpmn.behavior;

import io.learnops.engine.bpmn.Effects;
import io.learnops.engine.state.ElementInstance;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Tells those outside the state that a process instance ended: callers waiting for its result
 * ({@link Effects}) and, for an instance a message started, the message start event, which may
 * start the next instance with a buffered message of the same correlation key only now.
 */
public final class EndedInstances {

  private final Effects effects;
  private Consumer<ElementInstance> messageStartedInstanceEnded = root -> { };

  public EndedInstances(Effects effects) {
    this.effects = effects;
  }

  /** Told when a process instance that a correlated message started completes or is terminated. */
  public void onMessageStartedInstanceEnded(Consumer<ElementInstance> listener) {
    this.messageStartedInstanceEnded = listener;
  }

  public void completed(ElementInstance root, Map<String, Object> result) {
    effects.completedInstances.put(root.key, result);
    messageStarted(root);
  }

  public void terminated(ElementInstance root) {
    effects.terminatedInstances.add(root.key);
    messageStarted(root);
  }

  private void messageStarted(ElementInstance root) {
    if (root.messageStartCorrelationKey != null) {
      messageStartedInstanceEnded.accept(root);
    }
  }
}
