package io.learnops.engine.read;

import io.learnops.engine.read.query.Keys;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * The keys an index holds for one value. Written by the processing thread only. Few keys (the
 * element instances of one process instance) are an immutable array replaced on each change: a
 * reader keeps a consistent copy, and the common case costs one small array. Many keys (every
 * ACTIVE element instance) are a concurrent set changed in place, since copying it on each change
 * would make filling it quadratic; readers see it weakly consistently.
 */
sealed interface Postings extends Keys permits Postings.Few, Postings.Many {

  /** beyond this many keys, copying the array on each change costs more than a set's nodes */
  int MAX_FEW = 8;

  static Postings of(Long key) {
    return new Few(new long[] {key});
  }

  /** @return the postings with the key: this one, changed, or a replacement */
  Postings with(Long key);

  /** @return the postings without the key: this one, changed, or a replacement; null when none is left */
  Postings without(long key);

  record Few(long[] keys) implements Postings {

    @Override
    public Postings with(Long key) {
      if (contains(key)) {
        return this;
      }
      if (keys.length < MAX_FEW) {
        final long[] more = Arrays.copyOf(keys, keys.length + 1);
        more[keys.length] = key;
        return new Few(more);
      }
      final Many many = new Many();
      forEach(many.keys::add);
      many.keys.add(key);
      return many;
    }

    @Override
    public Postings without(long key) {
      if (!contains(key)) {
        return this;
      }
      if (keys.length == 1) {
        return null;
      }
      return new Few(Arrays.stream(keys).filter(k -> k != key).toArray());
    }

    @Override
    public int size() {
      return keys.length;
    }

    @Override
    public boolean contains(long key) {
      for (final long k : keys) {
        if (k == key) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void forEach(LongConsumer action) {
      for (final long k : keys) {
        action.accept(k);
      }
    }
  }

  final class Many implements Postings {

    private final Set<Long> keys = ConcurrentHashMap.newKeySet();

    @Override
    public Postings with(Long key) {
      keys.add(key);
      return this;
    }

    @Override
    public Postings without(long key) {
      keys.remove(key);
      return keys.isEmpty() ? null : this;
    }

    @Override
    public int size() {
      return keys.size();
    }

    @Override
    public boolean contains(long key) {
      return keys.contains(key);
    }

    @Override
    public void forEach(LongConsumer action) {
      keys.forEach(action::accept);
    }
  }
}
