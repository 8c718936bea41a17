package io.learnops.engine.state;

/**
 * How the engine's clock was last moved, kept in the state so that snapshots and replay bring
 * engine time back after a restart instead of falling back to the clock's own time.
 */
public final class ClockSetting {
  /** added to the clock's base time */
  public long offsetMillis;
  /** the instant time stands still at; null: the clock's own base (wall-clock time, or a controlled clock's start) */
  public Long pinnedEpochMilli;

  static ClockSetting of(io.learnops.engine.record.RecordValue.ClockValue value) {
    final ClockSetting setting = new ClockSetting();
    setting.offsetMillis = value.offsetMillis();
    setting.pinnedEpochMilli = value.pinnedEpochMilli();
    return setting;
  }
}
