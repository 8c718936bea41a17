package io.learnops.bench;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the commands of one verification phase and their answers, success or error. A command
 * sent but never answered is what the verification exists to catch, so nothing here times out:
 * the caller decides how long to wait.
 */
final class AnswerTally {

  private final Semaphore inFlight;
  private final LongAdder createsSent = new LongAdder();
  private final LongAdder createsAnswered = new LongAdder();
  private final LongAdder completesSent = new LongAdder();
  private final LongAdder completesAnswered = new LongAdder();
  private final Failures errors = new Failures();

  AnswerTally(int inFlight) {
    this.inFlight = new Semaphore(inFlight);
  }

  /** Waits for a free slot; false if none came within {@code timeoutSeconds} (a stuck run). */
  boolean tryStartCreate(long timeoutSeconds) throws InterruptedException {
    if (!inFlight.tryAcquire(timeoutSeconds, TimeUnit.SECONDS)) {
      return false;
    }
    createsSent.increment();
    return true;
  }

  void createAnswered(Throwable error) {
    inFlight.release();
    answered(createsAnswered, error);
  }

  void completeSent() {
    completesSent.increment();
  }

  void completeAnswered(Throwable error) {
    answered(completesAnswered, error);
  }

  private void answered(LongAdder counter, Throwable error) {
    if (error == null) {
      counter.increment();
    } else {
      errors.record(error);
    }
  }

  long unanswered() {
    return createsSent.sum() + completesSent.sum() - createsAnswered.sum() - completesAnswered.sum() - errors.count();
  }

  long createsAnswered() {
    return createsAnswered.sum();
  }

  long completesAnswered() {
    return completesAnswered.sum();
  }

  Failures errors() {
    return errors;
  }
}
