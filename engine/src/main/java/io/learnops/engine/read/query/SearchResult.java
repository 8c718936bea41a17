package io.learnops.engine.read.query;

import java.util.List;

/**
 * One page of a search.
 *
 * @param totalItems how many entries matched the filter
 * @param startCursor points at the first item (pass as {@code before}), null on an empty page
 * @param endCursor points at the last item (pass as {@code after}), null on an empty page
 */
public record SearchResult<R>(List<R> items, long totalItems, String startCursor, String endCursor) {}
