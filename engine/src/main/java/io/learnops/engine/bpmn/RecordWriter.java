package io.learnops.engine.bpmn;

import io.learnops.engine.record.Intent;
import io.learnops.engine.record.RecordValue;
import io.learnops.engine.state.EventAppliers;

/**
 * Where processing writes what a command did: each record is applied to the state at once (so the
 * rest of the command sees it) and kept for the journal's exporters in {@link Effects#records}.
 */
public final class RecordWriter {

  private final EventAppliers appliers;
  private final Effects effects;
  private long commandTime;

  public RecordWriter(EventAppliers appliers, Effects effects) {
    this.appliers = appliers;
    this.effects = effects;
  }

  void setTime(long time) {
    this.commandTime = time;
  }

  public void write(long key, Intent intent, RecordValue value) {
    appliers.apply(key, intent, value, commandTime);
    effects.write(key, intent, value);
  }
}
