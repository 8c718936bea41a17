package io.learnops.engine.gateway.rest;

import io.learnops.engine.api.Rejection;
import io.learnops.engine.read.query.SearchResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What every read endpoint answers: a page of items, one item, or a 404 naming the key. */
final class ReadReplies {

  private ReadReplies() {}

  static <R> Reply<RestResponse> page(SearchResult<R> result, Function<R, JsonItem> render) {
    final Map<String, Object> page = new LinkedHashMap<>();
    page.put("totalItems", result.totalItems());
    page.put("hasMoreTotalItems", false);
    if (result.startCursor() != null) {
      page.put("startCursor", result.startCursor());
      page.put("endCursor", result.endCursor());
    }
    final Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", result.items().stream().map(item -> render.apply(item).toMap()).toList());
    body.put("page", page);
    return Reply.now(RestResponse.ok(body));
  }

  static Reply<RestResponse> list(List<JsonItem> items) {
    return Reply.now(RestResponse.ok(Map.of("items", items.stream().map(JsonItem::toMap).toList())));
  }

  static <R> Reply<RestResponse> one(Optional<R> entry, String what, Object key, Function<R, JsonItem> render) {
    return Reply.now(RestResponse.ok(found(entry, what, key).map(render).orElseThrow().toMap()));
  }

  /** @throws Rejection NOT_FOUND naming what was looked for and its key */
  static <R> Optional<R> found(Optional<R> entry, String what, Object key) {
    if (entry.isEmpty()) {
      throw Rejection.notFound("Expected to find %s with key '%s', but none was found".formatted(what, key));
    }
    return entry;
  }
}
