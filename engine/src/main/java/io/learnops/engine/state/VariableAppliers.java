package io.learnops.engine.state;

import io.learnops.engine.record.Intent.VariableIntent;
import io.learnops.engine.record.RecordValue.VariableValue;
import java.util.LinkedHashMap;

/** Variables in the state: one map per scope, gone with the scope's element instance. */
final class VariableAppliers {

  private final EngineState state;

  VariableAppliers(EngineState state) {
    this.state = state;
  }

  void registerIn(EventAppliers appliers) {
    appliers.<VariableValue>register(VariableIntent.CREATED, (key, variable, at) -> put(variable));
    appliers.<VariableValue>register(VariableIntent.UPDATED, (key, variable, at) -> put(variable));
  }

  private void put(VariableValue variable) {
    state.variables.computeIfAbsent(variable.scopeKey(), scope -> new LinkedHashMap<>())
        .put(variable.name(), variable.value());
  }
}
