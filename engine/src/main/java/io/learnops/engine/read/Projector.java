package io.learnops.engine.read;

import io.learnops.engine.record.Record;
import io.learnops.engine.record.ValueType;
import io.learnops.engine.state.EngineState;
import java.util.Set;

/**
 * Keeps the entries of one kind up to date from the records of the stream; a record's value says
 * everything a projector needs. Runs on the exporting thread only. To add an entity: a record,
 * a projector and a REST handler.
 */
interface Projector {

  /** The value types this projector reads. */
  Set<ValueType> valueTypes();

  /** Describes the entities of the recovered state (after a snapshot was loaded). */
  void seed(EngineState state);

  void project(Record<?> record);
}
