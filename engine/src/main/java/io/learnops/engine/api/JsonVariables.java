package io.learnops.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses and writes variable documents: a JSON object whose members are the variables. */
public final class JsonVariables {

  /**
   * How deep objects and lists may nest in a variable a client sends, and in the result of an
   * expression (FEEL's {@code EvaluationLimits}). Far beyond what a process's data needs, and far
   * within what the journal and snapshot codecs read back. A document nesting past the JSON
   * reader's own limit (1,000 levels) is refused before this check, as not valid JSON.
   */
  public static final int MAX_NESTING = 100;

  /**
   * Decimals stay as they were sent: exact big decimals in the tree (Jackson's default node
   * factory strips trailing zeros, so 1850.00 would come back as 1.85E+3) and plain on output.
   */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
      .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private JsonVariables() {}

  /**
   * Parses a variables document. Blank text is an empty document.
   *
   * @param field the request field the text came from, for the error message
   * @throws Rejection INVALID_ARGUMENT if the text is not a JSON object
   */
  public static Map<String, Object> parseObject(String json, String field) {
    if (json == null || json.isBlank()) {
      return new LinkedHashMap<>();
    }
    final JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw Rejection.invalidArgument(
          "Expected '%s' to be a JSON object, but it is not valid JSON: %s"
              .formatted(field, e.getOriginalMessage()));
    }
    if (node == null || !node.isObject()) {
      throw Rejection.invalidArgument(
          "Expected '%s' to be a JSON object, but found %s"
              .formatted(field, node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
    }
    return MAPPER.convertValue(node, MAP);
  }

  /**
   * Null-safe copy of a variables map received from a request, checked against {@link
   * #MAX_NESTING}.
   *
   * @throws Rejection INVALID_ARGUMENT naming the variable that nests too deep
   */
  public static Map<String, Object> orEmpty(Map<String, Object> variables) {
    if (variables == null) {
      return new LinkedHashMap<>();
    }
    variables.forEach((name, value) -> {
      if (nesting(value, 0) > MAX_NESTING) {
        throw Rejection.invalidArgument(("Expected variable '%s' to nest objects and lists at most %d levels deep, "
            + "but it nests deeper").formatted(name, MAX_NESTING));
      }
    });
    return new LinkedHashMap<>(variables);
  }

  /** How deep objects and lists nest in a value, up to one level past {@link #MAX_NESTING}. */
  private static int nesting(Object value, int depth) {
    if (depth > MAX_NESTING) {
      return depth;
    }
    int deepest = depth;
    if (value instanceof Map<?, ?> map) {
      for (final Object member : map.values()) {
        deepest = Math.max(deepest, nesting(member, depth + 1));
      }
    } else if (value instanceof List<?> list) {
      for (final Object item : list) {
        deepest = Math.max(deepest, nesting(item, depth + 1));
      }
    }
    return Math.max(deepest, value instanceof Map<?, ?> || value instanceof List<?> ? depth + 1 : depth);
  }

  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("value is not serialisable as JSON", e);
    }
  }

  public static Object parseValue(String json) {
    try {
      return MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw Rejection.invalidArgument("Not valid JSON: " + e.getOriginalMessage());
    }
  }
}
