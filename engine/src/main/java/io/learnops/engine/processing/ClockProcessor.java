package io.learnops.engine.processing;

import io.learnops.engine.EngineClock;
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

  ClockProcessor(EngineState state, EngineClock clock) {
    this.state = state;
    this.clock = clock;
  }

  /** Answers the engine time after the change, in epoch millis. */
  long change(ChangeClock command) {
    final ClockSetting current = state.clock == null ? new ClockSetting() : state.clock;
    final ClockSetting next = new ClockSetting();
    switch (command.kind()) {
      case ADD -> {
        next.offsetMillis = Math.addExact(current.offsetMillis, command.millis());
        next.pinnedEpochMilli = current.pinnedEpochMilli;
      }
      case PIN -> next.pinnedEpochMilli = command.millis();
      case RESET -> { }
    }
    state.clock = next;
    restore();
    return clock.millis();
  }

  /** Brings the clock to the state's setting; called when a snapshot is loaded, before replay. */
  void restore() {
    if (state.clock != null) {
      final Long pinned = state.clock.pinnedEpochMilli;
      clock.set(Duration.ofMillis(state.clock.offsetMillis), pinned == null ? null : Instant.ofEpochMilli(pinned));
    }
  }
}
