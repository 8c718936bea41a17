package io.learnops.engine.state;

import io.learnops.engine.record.RecordValue;

/**
 * Changes the state as one kind of record says: processing decides what happens and writes a
 * record; its applier is what makes it so. Appliers only follow their record, decide nothing and
 * never fail on a record that processing wrote.
 */
@FunctionalInterface
interface EventApplier<V extends RecordValue> {

  /** @param timestamp the engine time of the command that wrote the record */
  void apply(long key, V value, long timestamp);
}
