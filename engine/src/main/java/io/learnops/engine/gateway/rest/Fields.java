package io.learnops.engine.gateway.rest;

import io.learnops.engine.api.EngineApi;
import io.learnops.engine.api.Rejection;
import java.util.List;

/** Conversions of request fields that REST v2 spells differently from the engine API. */
final class Fields {

  private Fields() {}

  /**
   * REST v2 sends keys as strings so that JavaScript clients keep all 64 bits.
   *
   * @throws Rejection INVALID_ARGUMENT naming {@code field} if the value is not a number
   */
  static long key(String value, String field) {
    if (value == null || value.isBlank()) {
      throw Rejection.invalidArgument(
          "Expected '%s' to be a key, but it is missing".formatted(field));
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw Rejection.invalidArgument(
          "Expected '%s' to be a numeric key, but found '%s'".formatted(field, value));
    }
  }

  static String tenant(String tenantId) {
    return tenantId == null || tenantId.isBlank() ? EngineApi.DEFAULT_TENANT : tenantId;
  }

  static List<String> tenants(List<String> tenantIds) {
    return tenantIds == null || tenantIds.isEmpty() ? List.of(EngineApi.DEFAULT_TENANT) : tenantIds;
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  static String requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw Rejection.invalidArgument("Missing required field '%s'".formatted(field));
    }
    return value;
  }
}
