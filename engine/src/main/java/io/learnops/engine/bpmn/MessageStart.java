package io.learnops.engine.bpmn;

/** The message that starts an instance at a message start event, and its correlation key ("" for none). */
public record MessageStart(long messageKey, String correlationKey) {

  /** The instance was not started by a message. */
  public static final MessageStart NONE = new MessageStart(-1, "");
}
