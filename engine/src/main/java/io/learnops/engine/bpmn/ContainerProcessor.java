package io.learnops.engine.bpmn;

import io.learnops.engine.state.ElementInstance;

/**
 * An element whose instance is the flow scope of other element instances (a process, a subprocess,
 * an event subprocess, a multi-instance body): it hears when one of them ends, since it may then
 * have to end too.
 */
public interface ContainerProcessor extends ElementProcessor {

  /** A child completed (and took its sequence flows, unless it is an inner multi-instance instance). */
  void onChildCompleted(ElementInstance container, ElementInstance child);

  /**
   * A child was terminated. Only the container that terminated it from the inside needs to know;
   * a terminated container terminates its children itself, before it ends.
   */
  default void onChildTerminated(ElementInstance container, ElementInstance child) {
  }
}
