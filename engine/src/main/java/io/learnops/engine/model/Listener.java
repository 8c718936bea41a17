package io.learnops.engine.model;

import io.learnops.engine.feel.Expression;

/**
 * An execution listener ({@code zeebe:executionListener}, event type {@code START} or {@code END})
 * or a task listener ({@code zeebe:taskListener}, {@code CREATING}, {@code ASSIGNING},
 * {@code UPDATING}, {@code COMPLETING} or {@code CANCELING}): a job of the given type that the
 * element waits for at that point of its lifecycle.
 *
 * @param eventType upper case, as job records name it ({@code listenerEventType})
 */
public record Listener(String eventType, Expression type, Expression retries) {
  public static final String START = "START";
  public static final String END = "END";
}
