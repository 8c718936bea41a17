package io.learnops.bench;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Counts failed client calls and keeps the first, so a broken run says why instead of just being slow. */
final class Failures {

  private final LongAdder count = new LongAdder();
  private final AtomicReference<Throwable> first = new AtomicReference<>();

  void record(Throwable failure) {
    count.increment();
    first.compareAndSet(null, failure);
  }

  long count() {
    return count.sum();
  }

  Throwable first() {
    return first.get();
  }
}
