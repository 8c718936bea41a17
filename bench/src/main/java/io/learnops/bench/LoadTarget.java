package io.learnops.bench;

/**
 * What the phases load: one process on one engine, with its workers already running. The phases
 * decide when an instance starts; the target starts it and reports back, so the engine driven
 * through the Camunda client and the in-process peer are measured by the same loop.
 */
@FunctionalInterface
interface LoadTarget {

  /**
   * Starts one instance without waiting for it to complete. The target reports the create's
   * round trip to {@code phase}, then the instance's two ends to its {@link CompletionTracker}
   * (or {@link Phase#failed()} if the start failed).
   *
   * @param sentNanos when the loop decided to start it, the start of its start-to-complete latency
   */
  void start(Phase phase, long sentNanos);
}
