package io.learnops.engine.read;

import io.learnops.engine.read.query.IndexedField;
import io.learnops.engine.read.query.Keys;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One secondary index of a store: a field's value → the keys of the entries that have it. Written
 * by the processing thread only, as part of the store's own writes; read by any thread.
 */
final class FieldIndex<R> {

  private final IndexedField<R> field;
  private final Map<Object, Postings> byValue = new ConcurrentHashMap<>();

  FieldIndex(IndexedField<R> field) {
    this.field = field;
  }

  IndexedField<R> field() {
    return field;
  }

  Keys keysOf(Object value) {
    final Postings keys = byValue.get(value);
    return keys == null ? Keys.NONE : keys;
  }

  void add(Long key, R entry) {
    field.values().apply(entry).forEach(value -> post(key, value));
  }

  void remove(long key, R entry) {
    field.values().apply(entry).forEach(value -> unpost(key, value));
  }

  /** Most updates (an element instance ending, a job failing) leave most indexed fields as they were. */
  void change(Long key, R before, R after) {
    final Collection<?> old = field.values().apply(before);
    final Collection<?> now = field.values().apply(after);
    if (old.equals(now)) {
      return;
    }
    now.stream().filter(value -> !old.contains(value)).forEach(value -> post(key, value));
    old.stream().filter(value -> !now.contains(value)).forEach(value -> unpost(key, value));
  }

  void clear() {
    byValue.clear();
  }

  private void post(Long key, Object value) {
    byValue.compute(value, (v, keys) -> keys == null ? Postings.of(key) : keys.with(key));
  }

  private void unpost(long key, Object value) {
    byValue.computeIfPresent(value, (v, keys) -> keys.without(key));
  }
}
