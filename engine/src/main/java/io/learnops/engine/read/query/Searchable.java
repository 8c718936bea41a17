package io.learnops.engine.read.query;

import java.util.Collection;
import java.util.Optional;

/**
 * The entries a search runs over, and the indexes that let it skip most of them. Reads are weakly
 * consistent: each entry is complete, but entries and index keys may be mid-command, so a search
 * checks every condition on the entries it reaches, indexed or not.
 */
public interface Searchable<R> {

  Collection<R> all();

  Optional<R> get(long key);

  /** @return the type of the field's values when the field is indexed (or is the entry's own key) */
  Optional<FieldType> indexType(String field);

  /** @return the keys of the entries that have {@code value} in the indexed field */
  Keys keysWhere(String field, Object value);
}
