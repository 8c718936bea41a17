package io.learnops.engine.gateway.rest;

/**
 * Serves one method and path. It may throw a {@code Rejection} for invalid input; the engine's own
 * rejections may arrive either thrown or as the reply's failed future.
 */
@FunctionalInterface
interface Endpoint {
  Reply<?> handle(RestRequest request);
}
