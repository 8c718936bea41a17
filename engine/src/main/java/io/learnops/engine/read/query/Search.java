package io.learnops.engine.read.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnops.engine.api.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Runs a search request ({@code filter}, {@code sort}, {@code page}) over a store's entries:
 * filter, sort (the key breaks ties, so the order is total), then page by offset or cursor.
 * Cursors point at an entry's key; a cursor whose entry is gone is a 400.
 */
public final class Search {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 10_000;

  private Search() {}

  /** Over a store: equalities on indexed fields choose the entries read (see {@link Candidates}). */
  public static <R> SearchResult<R> run(Searchable<R> source, JsonNode request, Schema<R> schema) {
    final Predicate<R> filter = Filters.parse(request.get("filter"), schema);
    return run(Candidates.of(request.get("filter"), source), filter, request, schema);
  }

  /** Over entries chosen beforehand (a user task's variables): every one is read. */
  public static <R> SearchResult<R> run(Collection<R> entries, JsonNode request, Schema<R> schema) {
    return run(entries, Filters.parse(request.get("filter"), schema), request, schema);
  }

  private static <R> SearchResult<R> run(Collection<R> entries, Predicate<R> filter, JsonNode request,
      Schema<R> schema) {
    final Comparator<R> order = Sorting.parse(request.get("sort"), schema);
    final List<R> matching = new ArrayList<>();
    for (final R entry : entries) {
      if (filter.test(entry)) {
        matching.add(entry);
      }
    }
    matching.sort(order);
    return page(matching, request.get("page"), schema);
  }

  private static <R> SearchResult<R> page(List<R> sorted, JsonNode page, Schema<R> schema) {
    final int limit = intOf(page, "limit", DEFAULT_LIMIT);
    if (limit < 0 || limit > MAX_LIMIT) {
      throw Rejection.invalidArgument("Expected 'page.limit' between 0 and %d, but was %d".formatted(MAX_LIMIT, limit));
    }
    int from = intOf(page, "from", 0);
    int to;
    if (has(page, "after")) {
      from = indexOf(sorted, page.get("after").asText(), "after", schema) + 1;
      to = Math.min(sorted.size(), from + limit);
    } else if (has(page, "before")) {
      to = indexOf(sorted, page.get("before").asText(), "before", schema);
      from = Math.max(0, to - limit);
    } else {
      if (from < 0) {
        throw Rejection.invalidArgument("Expected 'page.from' not to be negative, but was " + from);
      }
      from = Math.min(from, sorted.size());
      to = Math.min(sorted.size(), from + limit);
    }
    final List<R> items = List.copyOf(sorted.subList(from, to));
    return new SearchResult<>(items, sorted.size(),
        items.isEmpty() ? null : cursor(schema.keyOf(items.get(0))),
        items.isEmpty() ? null : cursor(schema.keyOf(items.get(items.size() - 1))));
  }

  private static <R> int indexOf(List<R> sorted, String cursor, String field, Schema<R> schema) {
    final long key = keyOf(cursor, field);
    for (int i = 0; i < sorted.size(); i++) {
      if (schema.keyOf(sorted.get(i)) == key) {
        return i;
      }
    }
    throw Rejection.invalidArgument(
        "The cursor in 'page.%s' points at an entry that no longer matches; search again from the start".formatted(field));
  }

  static String cursor(long key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(key).getBytes(StandardCharsets.UTF_8));
  }

  private static long keyOf(String cursor, String field) {
    try {
      return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw Rejection.invalidArgument("Invalid cursor in 'page.%s': '%s'".formatted(field, cursor));
    }
  }

  private static boolean has(JsonNode node, String field) {
    return node != null && node.hasNonNull(field);
  }

  private static int intOf(JsonNode node, String field, int otherwise) {
    if (!has(node, field)) {
      return otherwise;
    }
    if (!node.get(field).canConvertToInt()) {
      throw Rejection.invalidArgument("Expected 'page.%s' to be a number".formatted(field));
    }
    return node.get(field).asInt();
  }

  /** The order of {@code sort}: a list of {@code {field, order}}, order ASC (default) or DESC. */
  static final class Sorting {

    private Sorting() {}

    static <R> Comparator<R> parse(JsonNode sort, Schema<R> schema) {
      Comparator<R> order = (a, b) -> 0;
      if (sort != null && !sort.isNull()) {
        if (!sort.isArray()) {
          throw Rejection.invalidArgument("Expected 'sort' to be an array of {field, order}");
        }
        for (final JsonNode criterion : sort) {
          order = order.thenComparing(criterion(criterion, schema));
        }
      }
      return order.thenComparingLong(schema::keyOf);
    }

    private static <R> Comparator<R> criterion(JsonNode criterion, Schema<R> schema) {
      final String name = criterion.path("field").asText("");
      final Field<R> field = schema.field(name).orElseThrow(() -> Rejection.invalidArgument(
          "Unknown sort field '%s' for %s; known fields: %s".formatted(name, schema.resource(), schema.fieldNames())));
      final String direction = criterion.path("order").asText("ASC").toUpperCase(Locale.ROOT);
      if (!direction.equals("ASC") && !direction.equals("DESC")) {
        throw Rejection.invalidArgument("Unknown sort order '%s' for field '%s'; use ASC or DESC".formatted(direction, name));
      }
      // entries without the value come last in either order, as in Camunda's search
      final Comparator<Comparable<Object>> values = Comparator.nullsLast(
          direction.equals("DESC") ? Comparator.<Comparable<Object>>reverseOrder() : Comparator.naturalOrder());
      return Comparator.comparing(field::valueOf, values);
    }
  }
}
