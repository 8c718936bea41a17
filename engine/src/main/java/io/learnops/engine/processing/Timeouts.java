package io.learnops.engine.processing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock timeouts of requests (long polls, create-with-result). These measure how long a
 * caller waits, not process time, so they use real time rather than the engine clock.
 */
final class Timeouts {

  private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
    final Thread thread = new Thread(r, "learnops-engine-request-timeouts");
    thread.setDaemon(true);
    return thread;
  });

  private Timeouts() {}

  static void after(long millis, Runnable action) {
    SCHEDULER.schedule(action, millis, TimeUnit.MILLISECONDS);
  }
}
