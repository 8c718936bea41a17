package io.learnops.engine.state;

import io.learnops.engine.record.Intent.ProcessInstanceIntent;

/** Lifecycle of an element instance, as Zeebe's intents name it. */
public enum ElementState {
  ACTIVATING,
  ACTIVATED,
  COMPLETING,
  COMPLETED,
  TERMINATING,
  TERMINATED;

  /** The record intent that says an element instance entered this state. */
  public ProcessInstanceIntent intent() {
    return switch (this) {
      case ACTIVATING -> ProcessInstanceIntent.ELEMENT_ACTIVATING;
      case ACTIVATED -> ProcessInstanceIntent.ELEMENT_ACTIVATED;
      case COMPLETING -> ProcessInstanceIntent.ELEMENT_COMPLETING;
      case COMPLETED -> ProcessInstanceIntent.ELEMENT_COMPLETED;
      case TERMINATING -> ProcessInstanceIntent.ELEMENT_TERMINATING;
      case TERMINATED -> ProcessInstanceIntent.ELEMENT_TERMINATED;
    };
  }

  public boolean isFinal() {
    return this == COMPLETED || this == TERMINATED;
  }
}
