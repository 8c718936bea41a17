package io.learnops.engine.state;

import io.learnops.engine.record.Intent;
import io.learnops.engine.record.RecordValue;
import java.util.HashMap;
import java.util.Map;

/**
 * The appliers of every intent that changes the state, one applier per intent: the state changes
 * only here, live (as processing writes each record) and in recovery (as the journal is read
 * back). Intents without an applier (a signal broadcast, an escalation, a decision evaluated)
 * change nothing the engine keeps.
 */
public final class EventAppliers {

  private final Map<Intent, EventApplier<RecordValue>> appliers = new HashMap<>();

  public EventAppliers(EngineState state, ProcessModels models) {
    new ElementInstanceAppliers(state, models).registerIn(this);
    new VariableAppliers(state).registerIn(this);
    new MessageAppliers(state).registerIn(this);
    new UserTaskAppliers(state).registerIn(this);
    new EngineAppliers(state).registerIn(this);
    new JobAppliers(state).registerIn(this);
    new IncidentAppliers(state).registerIn(this);
    new TimerAppliers(state).registerIn(this);
    new DeploymentAppliers(state).registerIn(this);
  }

  @SuppressWarnings("unchecked")
  <V extends RecordValue> void register(Intent intent, EventApplier<V> applier) {
    if (appliers.put(intent, (EventApplier<RecordValue>) applier) != null) {
      throw new IllegalStateException("two appliers for " + intent.valueType() + " " + intent);
    }
  }

  /** Applies a record to the state, if its intent changes it. */
  public void apply(long key, Intent intent, RecordValue value, long timestamp) {
    final EventApplier<RecordValue> applier = appliers.get(intent);
    if (applier != null) {
      applier.apply(key, value, timestamp);
    }
  }
}
