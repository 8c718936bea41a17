package io.learnops.engine.processing;

import io.learnops.engine.EngineClock;
import io.learnops.engine.bpmn.BpmnExecutor;
import io.learnops.engine.record.Intent.ClockIntent;
import io.learnops.engine.record.RecordValue.ClockValue;
import io.learnops.engine.processing.EngineCommand.ChangeClock;
import io.learnops.engine.state.ClockSetting;
import io.learnops.engine.state.EngineState;
import java.time.Duration;
import java.time.Instant;

/**
 * Applies clock changes on the processing thread. The new setting is derived from the one in the
 * state (not from the clock), so replaying the journal on top of a snapshot reaches the same time.
 */
final class ClockProcessor {

  private final EngineState state;
  private final EngineClock clock;
  private final BpmnExecutor records;

  ClockProcessor(EngineState state, EngineClock clock, BpmnExecutor records) {
    this.state = state;
    this.clock = clock;
    this.records = records;
  }

  /** Answers the engine time after the change, in epoch millis. */
  long change(ChangeClock command) {
    final ClockSetting current = state.clock == null ? new ClockSetting() : state.clock;
    switch (command.kind()) {
      case ADD -> records.write(-1, ClockIntent.MOVED,
          new ClockValue(Math.addExact(current.offsetMillis, command.millis()), current.pinnedEpochMilli));
      case PIN -> records.write(-1, ClockIntent.PINNED, new ClockValue(0, command.millis()));
      case RESET -> records.write(-1, ClockIntent.RESET, new ClockValue(0, null));
    }
    restore();
    return clock.millis();
  }

  /** Brings the clock to the state's setting: after a change, and once the state is recovered. */
  void restore() {
    if (state.clock != null) {
      final Long pinned = state.clock.pinnedEpochMilli;
      clock.set(Duration.ofMillis(state.clock.offsetMillis), pinned == null ? null : Instant.ofEpochMilli(pinned));
    }
  }
}
