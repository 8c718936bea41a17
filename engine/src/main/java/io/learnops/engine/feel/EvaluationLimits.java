package io.learnops.engine.feel;

import io.learnops.engine.api.JsonVariables;

/**
 * What one FEEL expression may ask of the engine. Expressions run on the processor thread, so one
 * that builds a huge value or nests without end would stall or stop all processing: past these
 * limits an expression is refused at deployment (nesting) or its evaluation fails like any other
 * (an incident on its element). Each is far beyond what a process needs; Zeebe refuses any
 * variable document over its 4 MB message size.
 */
public final class EvaluationLimits {

  /**
   * Brackets ({@code ()}, {@code []}, {@code {}}) nested in an expression's text. feel-engine's
   * parser recurses several frames per level and overflowed the processor's stack at about 150.
   */
  public static final int MAX_BRACKET_NESTING = 50;

  /**
   * Operations nested in one another in a parsed expression (a chain of 100 {@code +} or of 100
   * {@code else if}). Its evaluation recurses per level and overflowed the stack at about 500.
   */
  public static final int MAX_OPERATION_NESTING = 100;

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
