package io.learnops.engine.read.query;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A filter field that a store keeps an index on, named as the REST API names it. Its values must be
 * those the schema's field of the same name reads (absent keys, -1, have none), so that an equality
 * on the field finds through the index exactly the entries a scan finds.
 *
 * @param values an entry's values of the field: none, one, or several for a list (candidate groups)
 */
public record IndexedField<R>(String name, FieldType type, Function<R, Collection<?>> values) {

  public static <R> IndexedField<R> key(String name, ToLongFunction<R> reader) {
    return new IndexedField<>(name, FieldType.KEY, entry -> {
      final long key = reader.applyAsLong(entry);
      return key < 0 ? List.of() : List.of(key);
    });
  }

  public static <R> IndexedField<R> string(String name, Function<R, String> reader) {
    return new IndexedField<>(name, FieldType.STRING, entry -> {
      final String value = reader.apply(entry);
      return value == null ? List.of() : List.of(value);
    });
  }

  public static <R> IndexedField<R> strings(String name, Function<R, Collection<String>> reader) {
    return new IndexedField<>(name, FieldType.STRING, entry -> {
      final Collection<String> values = reader.apply(entry);
      return values == null ? List.of() : values;
    });
  }
}
