package io.learnops.engine.read;

import io.learnops.engine.bpmn.Effects;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import java.util.Map;
import java.util.Optional;

/**
 * The live state after a command, plus the element instances the command removed from it: what a
 * projector needs to describe an entity an event names.
 */
record Lookup(EngineState state, Map<Long, ElementInstance> removed) {

  static Lookup of(EngineState state, Effects effects) {
    return new Lookup(state, effects.removedInstances);
  }

  static Lookup of(EngineState state) {
    return new Lookup(state, Map.of());
  }

  Optional<ElementInstance> instance(long key) {
    final ElementInstance live = state.elementInstances.get(key);
    return Optional.ofNullable(live != null ? live : removed.get(key));
  }
}
