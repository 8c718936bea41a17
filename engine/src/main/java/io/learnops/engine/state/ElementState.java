package io.learnops.engine.state;

/** Lifecycle of an element instance, as Zeebe's intents name it. */
public enum ElementState {
  ACTIVATING,
  ACTIVATED,
  COMPLETING,
  COMPLETED,
  TERMINATING,
  TERMINATED;

  public boolean isFinal() {
    return this == COMPLETED || this == TERMINATED;
  }
}
