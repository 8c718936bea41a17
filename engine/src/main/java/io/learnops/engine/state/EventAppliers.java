package io.learnops.engine.state;

import io.learnops.engine.record.Intent;
import io.learnops.engine.record.RecordValue;
import java.util.HashMap;
import java.util.Map;

/**
 * The appliers of every intent whose state changes happen through records, one applier per
 * intent. Deployed resources, jobs, incidents and timers change only here; the other value types still change where they are
 * processed and move here one by one (see docs/engine.md).
 */
public final class EventAppliers {

  private final Map<Intent, EventApplier<RecordValue>> appliers = new HashMap<>();

  public EventAppliers(EngineState state) {
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
