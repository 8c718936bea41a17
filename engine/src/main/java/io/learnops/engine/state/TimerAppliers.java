package io.learnops.engine.state;

import io.learnops.engine.record.Intent.TimerIntent;
import io.learnops.engine.record.RecordValue.TimerValue;

/** Timers in the state: scheduled, then gone once they fired or were canceled. */
final class TimerAppliers {

  private final EngineState state;

  TimerAppliers(EngineState state) {
    this.state = state;
  }

  void registerIn(EventAppliers appliers) {
    appliers.<TimerValue>register(TimerIntent.CREATED, (key, timer, at) -> state.putTimer(Timer.of(key, timer)));
    appliers.<TimerValue>register(TimerIntent.TRIGGERED, (key, timer, at) -> remove(key));
    appliers.<TimerValue>register(TimerIntent.CANCELED, (key, timer, at) -> remove(key));
  }

  private void remove(long key) {
    state.removeTimer(state.timers.get(key));
  }
}
