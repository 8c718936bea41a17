package io.learnops.engine.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The entries of one kind, by key. Written only by the processing thread; read by any thread. An
 * entry belongs to an owner (its process instance, or a standalone evaluation) so that retention
 * can drop everything of a finished instance at once; owner -1 is never dropped.
 */
public final class EntityStore<R> {

  private final Map<Long, R> entries = new ConcurrentHashMap<>();
  /** owner → keys of its entries; processing thread only */
  private final Map<Long, List<Long>> byOwner = new HashMap<>();

  public Optional<R> get(long key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** A weakly consistent view: each entry is complete, the set may be mid-command. */
  public Collection<R> all() {
    return Collections.unmodifiableCollection(entries.values());
  }

  public int size() {
    return entries.size();
  }

  void put(long key, long owner, R entry) {
    if (entries.put(key, entry) == null && owner >= 0) {
      byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(key);
    }
  }

  void update(long key, UnaryOperator<R> change) {
    entries.computeIfPresent(key, (k, entry) -> change.apply(entry));
  }

  /** Keys of the owner's entries; processing thread only. */
  List<Long> keysOf(long owner) {
    return byOwner.getOrDefault(owner, List.of());
  }

  void removeOwner(long owner) {
    final List<Long> keys = byOwner.remove(owner);
    if (keys != null) {
      keys.forEach(entries::remove);
    }
  }

  void clear() {
    entries.clear();
    byOwner.clear();
  }
}
