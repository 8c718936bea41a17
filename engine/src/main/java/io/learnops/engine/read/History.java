package io.learnops.engine.read;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Bounded retention of finished work: once more than {@code maxFinished} process instances (and
 * standalone decision evaluations) have finished, the oldest is dropped with everything it owns.
 * Running instances are never dropped.
 */
final class History {

  private final int maxFinished;
  private final List<EntityStore<?>> stores;
  private final ArrayDeque<Long> finished = new ArrayDeque<>();

  History(int maxFinished, List<EntityStore<?>> stores) {
    this.maxFinished = maxFinished;
    this.stores = List.copyOf(stores);
  }

  void finished(long owner) {
    finished.addLast(owner);
    while (finished.size() > maxFinished) {
      final long oldest = finished.removeFirst();
      stores.forEach(store -> store.removeOwner(oldest));
    }
  }

  void clear() {
    finished.clear();
  }
}
