package io.learnops.engine.model;

/** What an event waits for or throws. */
public enum EventType {
  NONE,
  MESSAGE,
  TIMER,
  SIGNAL,
  ERROR,
  TERMINATE,
  LINK,
  ESCALATION
}
