package io.learnops.engine.feel;

import io.learnops.engine.api.JsonVariables;

/**
 * What one FEEL expression may ask of the engine. Expressions run on the processor thread, so one
 * that builds a huge value or nests without end would stall or stop all processing: past these
 * limits its evaluation fails like any other (an incident on its element). Each is far beyond what a process needs; Zeebe refuses any
 * variable document over its 4 MB message size.
 */
public final class EvaluationLimits {

  /** Characters in any string an evaluation builds, and in all the strings of its result. */
  public static final int MAX_STRING_LENGTH = 10_000_000;

  /** Items in any list an evaluation builds, and list items plus context entries in its result. */
  public static final int MAX_LIST_SIZE = 1_000_000;

  /**
   * How deep the objects and lists of a result may nest: as deep as a client's variables
   * ({@link JsonVariables#MAX_NESTING}), so every variable the state holds can be written back.
   */
  public static final int MAX_VALUE_NESTING = JsonVariables.MAX_NESTING;

  /**
   * Steps (sub-expressions evaluated) in one evaluation: enough for a few steps per item of a list
   * as long as allowed, and a bound on the time a loop can hold the processor (a few seconds).
   * Counted, not timed, so that replaying the journal fails exactly where the first run failed.
   */
  public static final long MAX_STEPS = 10_000_000;

  private EvaluationLimits() {}
}
