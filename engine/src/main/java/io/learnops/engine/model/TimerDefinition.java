package io.learnops.engine.model;

import io.learnops.engine.feel.Expression;

/** A timer event definition: a duration, a date or a repeating cycle (static or FEEL). */
public record TimerDefinition(Kind kind, Expression expression) {
  public enum Kind {
    DURATION,
    DATE,
    CYCLE
  }
}
