package io.learnops.engine.feel;

import java.util.Locale;

/**
 * An evaluation went past one of the {@link EvaluationLimits}. Thrown, not returned as a FEEL
 * error value, so that no FEEL construct can turn it into {@code null} and carry on.
 */
final class LimitExceeded extends RuntimeException {

  private final String expected;
  private final String actual;

  /**
   * @param expected what the limit promises, completing "Expected the expression '…' to"
   * @param actual what the evaluation did instead, completing "but"
   */
  LimitExceeded(String expected, String actual) {
    // no stack trace: this is an answer for the process owner, not a bug report
    super("Expected the expression to %s, but %s".formatted(expected, actual), null, false, false);
    this.expected = expected;
    this.actual = actual;
  }

  /** A figure as the messages show it, grouped the same way whatever the machine's locale. */
  static String count(long number) {
    return String.format(Locale.ROOT, "%,d", number);
  }

  /** The message for an incident, naming the expression. */
  String describe(String expression) {
    return "Expected the expression '%s' to %s, but %s".formatted(expression, expected, actual);
  }
}
