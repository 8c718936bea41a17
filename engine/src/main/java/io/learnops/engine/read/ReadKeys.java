package io.learnops.engine.read;

/**
 * Keys for what the engine state does not key (variables, correlations, decision evaluations of
 * business rule tasks). They carry partition id 2 in their upper bits, so they never clash with
 * the engine's partition-1 keys. Stable while the engine runs; renumbered when the read model is
 * rebuilt after a restart.
 */
final class ReadKeys {

  private static final long BASE = 2L << 51;
  private long counter;

  long next() {
    return BASE + ++counter;
  }

  void reset() {
    counter = 0;
  }
}
