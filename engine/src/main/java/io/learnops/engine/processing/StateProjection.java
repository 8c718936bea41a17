package io.learnops.engine.processing;

import io.learnops.engine.bpmn.Effects;
import io.learnops.engine.state.EngineState;

/**
 * Something kept up to date from the processing thread, such as the read model. Called with the
 * effects of every applied command, live or replayed, before its answer is released; it must be
 * quick and must not change the state.
 */
public interface StateProjection {

  /** Starts over from the live state, after a snapshot was loaded (or from an empty state). */
  void seed(EngineState state);

  /** Takes in what one command did; {@code state} is the state after the command. */
  void project(Effects effects, EngineState state);
}
