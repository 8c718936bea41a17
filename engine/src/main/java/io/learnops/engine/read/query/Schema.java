package io.learnops.engine.read.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * The filterable and sortable fields of one kind of entry, named as the Camunda 8.8 REST API names
 * them, plus the entry's key (the tie-breaker of every sort, and what a page cursor points at).
 */
public final class Schema<R> {

  private final String resource;
  private final ToLongFunction<R> key;
  private final Map<String, Field<R>> fields = new LinkedHashMap<>();
  private final Map<String, Function<JsonNode, Predicate<R>>> customFilters = new LinkedHashMap<>();

  private Schema(String resource, ToLongFunction<R> key) {
    this.resource = resource;
    this.key = key;
  }

  /** @param resource plural name for messages, e.g. "process instances" */
  public static <R> Schema<R> of(String resource, ToLongFunction<R> key) {
    return new Schema<>(resource, key);
  }

  public Schema<R> key(String name, ToLongFunction<R> reader) {
    return field(name, FieldType.KEY, r -> reader.applyAsLong(r));
  }

  public Schema<R> string(String name, Function<R, String> reader) {
    return field(name, FieldType.STRING, reader::apply);
  }

  public Schema<R> integer(String name, Function<R, Integer> reader) {
    return field(name, FieldType.INT, reader::apply);
  }

  public Schema<R> date(String name, ToLongFunction<R> reader) {
    return field(name, FieldType.DATE, r -> reader.applyAsLong(r));
  }

  public Schema<R> bool(String name, Predicate<R> reader) {
    return field(name, FieldType.BOOLEAN, reader::test);
  }

  /** A filter field with its own shape, such as a process instance's {@code variables}; not sortable. */
  public Schema<R> filter(String name, Function<JsonNode, Predicate<R>> parser) {
    customFilters.put(name, parser);
    return this;
  }

  private Schema<R> field(String name, FieldType type, Function<R, Object> reader) {
    fields.put(name, new Field<>(name, type, reader));
    return this;
  }

  String resource() {
    return resource;
  }

  long keyOf(R entry) {
    return key.applyAsLong(entry);
  }

  Optional<Field<R>> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  Optional<Function<JsonNode, Predicate<R>>> customFilter(String name) {
    return Optional.ofNullable(customFilters.get(name));
  }

  String fieldNames() {
    return String.join(", ", fields.keySet()) + (customFilters.isEmpty() ? "" : ", " + String.join(", ", customFilters.keySet()));
  }
}
