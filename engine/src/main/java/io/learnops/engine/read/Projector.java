package io.learnops.engine.read;

import io.learnops.engine.bpmn.EngineEvent;
import java.util.Set;

/**
 * Keeps the entries of one kind up to date from the events of each command. Runs on the
 * processing thread only. To add an entity: a record, a projector and a REST handler.
 */
interface Projector {

  /** The event value types this projector reads (e.g. {@code JOB}). */
  Set<String> valueTypes();

  /** Describes the entities of the live state (after a snapshot was loaded). */
  void seed(Lookup lookup);

  void project(EngineEvent event, Lookup lookup);
}
