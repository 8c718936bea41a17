package io.learnops.engine.bpmn;

import io.learnops.engine.record.Intent;
import io.learnops.engine.record.RecordValue;
import io.learnops.engine.api.Rejection;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.EventAppliers;

/**
 * Where processing writes what a command did: each record is applied to the state at once (so the
 * rest of the command sees it) and kept for the journal and the exporters in {@link
 * Effects#records}. A record for a banned process instance is refused: nothing reaches it any more.
 */
public final class RecordWriter {

  private final EventAppliers appliers;
  private final Effects effects;
  private final EngineState state;
  private final ProcessingFault fault;
  private long commandTime;

  public RecordWriter(EventAppliers appliers, Effects effects, EngineState state, ProcessingFault fault) {
    this.appliers = appliers;
    this.effects = effects;
    this.state = state;
    this.fault = fault;
  }

  void setTime(long time) {
    this.commandTime = time;
  }

  public void write(long key, Intent intent, RecordValue value) {
    if (state.isBanned(value.processInstanceKey())) {
      throw Rejection.invalidState(("Expected to change process instance %d, but it is banned: processing a command "
          + "for it failed unexpectedly before; see the engine log").formatted(value.processInstanceKey()));
    }
    fault.beforeApply(intent, value);
    appliers.apply(key, intent, value, commandTime);
    effects.write(key, intent, value);
  }
}
