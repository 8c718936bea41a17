package io.learnops.engine.state;

import io.learnops.engine.record.Intent.ClockIntent;
import io.learnops.engine.record.Intent.ErrorIntent;
import io.learnops.engine.record.Intent.PurgeIntent;
import io.learnops.engine.record.RecordValue.ClockValue;
import io.learnops.engine.record.RecordValue.ErrorValue;
import io.learnops.engine.record.RecordValue.PurgeValue;

/** What concerns the engine as a whole: its time, the instances it banned, and a purge of all data. */
final class EngineAppliers {

  private final EngineState state;

  EngineAppliers(EngineState state) {
    this.state = state;
  }

  void registerIn(EventAppliers appliers) {
    for (final ClockIntent intent : ClockIntent.values()) {
      appliers.<ClockValue>register(intent, (key, clock, at) -> state.clock = ClockSetting.of(clock));
    }
    appliers.<ErrorValue>register(ErrorIntent.CREATED, (key, error, at) -> {
      if (error.processInstanceKey() >= 0) {
        state.ban(error.processInstanceKey());
      }
    });
    appliers.<PurgeValue>register(PurgeIntent.PURGED, (key, purge, at) -> state.clearData());
  }
}
