package io.learnops.engine.read;

import io.learnops.engine.read.query.FieldType;
import io.learnops.engine.read.query.IndexedField;
import io.learnops.engine.read.query.Keys;
import io.learnops.engine.read.query.Searchable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The entries of one kind, by key, with secondary indexes on the fields searches filter on most.
 * Written only by the processing thread; read by any thread. An entry belongs to an owner (its
 * process instance, or a standalone evaluation) so that retention can drop everything of a
 * finished instance at once; owner -1 is never dropped.
 *
 * <p><b>Reads are weakly consistent</b>: each entry is complete, but while a command is being
 * projected the entries and the index keys may each show part of it (an index may briefly name an
 * entry that is gone or no longer has the value, or miss one that just got it). Searches therefore
 * check every condition on the entries they reach. Once the command's writes are done, before its
 * answer is released, entries and indexes agree.
 */
public final class EntityStore<R> implements Searchable<R> {

  private final Map<Long, R> entries = new ConcurrentHashMap<>();
  /**
   * owner → keys of its entries: what retention drops together, and the index of {@code ownerField}
   * (an owner is the entries' process instance), so that the mapping is not kept twice
   */
  private final Map<Long, Postings> byOwner = new ConcurrentHashMap<>();
  /** the name the REST API gives an entry's own key: an equality on it needs no index; or null */
  private final String keyField;
  /** the name the REST API gives the field whose value is the entry's owner; or null */
  private final String ownerField;
  private final Map<String, FieldIndex<R>> indexes = new LinkedHashMap<>();

  /**
   * @param keyField the REST name of the entry's own key, or null when searches do not filter on it
   * @param ownerField the REST name of the field that holds the owner (processInstanceKey), or null;
   *     an entry without one (a standalone decision evaluation) is owned by itself, which the
   *     search's check of the field then tells apart
   */
  EntityStore(String keyField, String ownerField, List<IndexedField<R>> indexed) {
    this.keyField = keyField;
    this.ownerField = ownerField;
    indexed.forEach(field -> indexes.put(field.name(), new FieldIndex<>(field)));
  }

  @Override
  public Optional<R> get(long key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** A weakly consistent view: each entry is complete, the set may be mid-command. */
  @Override
  public Collection<R> all() {
    return Collections.unmodifiableCollection(entries.values());
  }

  public int size() {
    return entries.size();
  }

  @Override
  public Optional<FieldType> indexType(String field) {
    if (field.equals(keyField) || field.equals(ownerField)) {
      return Optional.of(FieldType.KEY);
    }
    return Optional.ofNullable(indexes.get(field)).map(index -> index.field().type());
  }

  @Override
  public Keys keysWhere(String field, Object value) {
    if (field.equals(keyField)) {
      return value instanceof Long key && entries.containsKey(key) ? Postings.of(key) : Keys.NONE;
    }
    if (field.equals(ownerField)) {
      return value instanceof Long owner ? keysWhereOwner(owner) : Keys.NONE;
    }
    final FieldIndex<R> index = indexes.get(field);
    if (index == null) {
      throw new IllegalArgumentException("No index on '%s'; indexed: %s".formatted(field, indexes.keySet()));
    }
    return index.keysOf(value);
  }

  /** The entries whose indexed field has the value (weakly consistent: check the value if it can change). */
  public List<R> where(String field, Object value) {
    final List<R> found = new ArrayList<>();
    keysWhere(field, value).forEach(key -> get(key).ifPresent(found::add));
    return found;
  }

  void put(long key, long owner, R entry) {
    final Long boxed = key; // one box, shared by the map and the indexes
    final R before = entries.put(boxed, entry);
    if (before != null) {
      indexes.values().forEach(index -> index.change(boxed, before, entry));
      return;
    }
    indexes.values().forEach(index -> index.add(boxed, entry));
    if (owner >= 0) {
      byOwner.compute(owner, (o, keys) -> keys == null ? Postings.of(boxed) : keys.with(boxed));
    }
  }

  void update(long key, UnaryOperator<R> change) {
    final Long boxed = key;
    final R before = entries.get(boxed);
    if (before != null) {
      final R after = change.apply(before);
      entries.put(boxed, after);
      indexes.values().forEach(index -> index.change(boxed, before, after));
    }
  }

  /** Keys of the owner's entries in the order they were put (keys only grow); a copy. */
  List<Long> keysOf(long owner) {
    final List<Long> keys = new ArrayList<>();
    keysWhereOwner(owner).forEach(keys::add);
    keys.sort(null);
    return keys;
  }

  void removeOwner(long owner) {
    final Postings keys = byOwner.remove(owner);
    if (keys != null) {
      keys.forEach(key -> {
        final R gone = entries.remove(key);
        if (gone != null) {
          indexes.values().forEach(index -> index.remove(key, gone));
        }
      });
    }
  }

  private Keys keysWhereOwner(long owner) {
    final Postings keys = byOwner.get(owner);
    return keys == null ? Keys.NONE : keys;
  }

  void clear() {
    entries.clear();
    byOwner.clear();
    indexes.values().forEach(FieldIndex::clear);
  }
}
