package io.learnops.app.programs;

import java.time.Instant;
import java.util.UUID;

/** A program entered or left a stage, as one stage listener job reported it. */
public record StageEvent(UUID programId, String stage, String elementId, Type type, Instant occurredAt, long jobKey) {

  public enum Type {
    ENTERED,
    LEFT
  }
}
