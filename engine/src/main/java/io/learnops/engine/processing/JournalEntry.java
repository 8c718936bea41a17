package io.learnops.engine.processing;

import io.learnops.engine.bpmn.Effects.Written;
import java.util.List;

/**
 * What one processed command left in the journal: the records it wrote, which recovery applies
 * (it never processes the command again), the key counter after it, and the command itself, for
 * audit. {@code format} is {@link #FORMAT} for every entry this engine writes; recovery refuses
 * entries of any other format instead of guessing at them.
 */
public record JournalEntry(int format, long timestamp, EngineCommand command, long keyCounter, List<Written> records) {

  /**
   * 2: the records a command wrote. 1 (no {@code format} field): the command alone, replayed
   * through processing, as engines before typed-record recovery wrote it.
   */
  public static final int FORMAT = 2;

  static JournalEntry of(long timestamp, EngineCommand command, long keyCounter, List<Written> records) {
    return new JournalEntry(FORMAT, timestamp, command, keyCounter, records);
  }
}
