package io.learnops.engine.read.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Where a search starts. When its filter requires an indexed field to equal a value (a plain
 * value, {@code $eq}) or one of several ({@code $in}), the search starts from the keys the index
 * holds for them, intersected over every such field; otherwise from every entry. The search still
 * checks all conditions on what it starts from, so an index decides how much it reads, never what
 * it returns.
 */
final class Candidates {

  private Candidates() {}

  /** Call it after {@link Filters#parse}, which rejects a bad filter the same way with or without an index. */
  static <R> Collection<R> of(JsonNode filter, Searchable<R> source) {
    if (filter == null || !filter.isObject()) {
      return source.all();
    }
    final List<Keys> required = new ArrayList<>();
    for (final Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
      final Map.Entry<String, JsonNode> member = it.next();
      source.indexType(member.getKey())
          .flatMap(type -> equalTo(member.getKey(), type, member.getValue()))
          .ifPresent(values -> required.add(keysWithAny(source, member.getKey(), values)));
    }
    if (required.isEmpty()) {
      return source.all();
    }
    required.sort(Comparator.comparingInt(Keys::size));
    final Keys smallest = required.get(0);
    final List<Keys> others = required.subList(1, required.size());
    final List<R> entries = new ArrayList<>(smallest.size());
    smallest.forEach(key -> {
      if (others.stream().allMatch(keys -> keys.contains(key))) {
        source.get(key).ifPresent(entries::add);
      }
    });
    return entries;
  }

  /** The values a condition requires the field to equal one of, if it requires that. */
  private static Optional<Set<Object>> equalTo(String name, FieldType type, JsonNode condition) {
    if (Filters.isAbsent(condition)) {
      return Optional.empty();
    }
    if (!condition.isObject()) {
      return Optional.of(Set.of(Filters.operand(name, type, condition)));
    }
    final JsonNode eq = condition.get("$eq");
    if (eq != null && !Filters.isAbsent(eq)) {
      return Optional.of(Set.of(Filters.operand(name, type, eq)));
    }
    final JsonNode in = condition.get("$in");
    if (in != null && in.isArray() && !in.isEmpty()) {
      final Set<Object> values = new LinkedHashSet<>();
      in.forEach(value -> values.add(Filters.operand(name, type, value)));
      return Optional.of(values);
    }
    return Optional.empty();
  }

  private static Keys keysWithAny(Searchable<?> source, String field, Set<Object> values) {
    if (values.size() == 1) {
      return source.keysWhere(field, values.iterator().next());
    }
    // a list field (candidate groups) can hold several of the values: count each entry once
    final Set<Long> union = new HashSet<>();
    values.forEach(value -> source.keysWhere(field, value).forEach(union::add));
    return new Keys() {
      @Override
      public int size() {
        return union.size();
      }

      @Override
      public boolean contains(long key) {
        return union.contains(key);
      }

      @Override
      public void forEach(LongConsumer action) {
        union.forEach(action::accept);
      }
    };
  }
}
