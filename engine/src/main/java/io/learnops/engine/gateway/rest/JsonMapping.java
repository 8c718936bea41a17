package io.learnops.engine.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnops.engine.api.Rejection;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Collectors;

/**
 * Reads request bodies into the client's generated REST DTOs and writes response DTOs.
 *
 * <p>Bodies are first read as a tree so that a malformed document, a missing required field and
 * {@code variables} that are not an object each get a 400 naming the culprit; the DTOs' defaults
 * would otherwise hide a missing field.
 */
final class JsonMapping {

  private static final String VARIABLES = "variables";

  private final ObjectMapper mapper =
      new ObjectMapper()
          // same number handling as JsonVariables, so that decimals reach the engine unrounded
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          // and keep them as sent: the default node factory strips trailing zeros (1850.00 → 1.85E+3)
          .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
          .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          // newer clients may send optional fields this engine does not know; they must not fail
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

  /**
   * @param required fields that must be present and not null
   * @throws Rejection INVALID_ARGUMENT naming the offending field
   */
  <T> T read(byte[] body, Class<T> type, String... required) {
    final JsonNode tree = parse(body);
    for (String field : required) {
      if (!tree.hasNonNull(field)) {
        throw Rejection.invalidArgument("Missing required field '%s'".formatted(field));
      }
    }
    final JsonNode variables = tree.get(VARIABLES);
    if (variables != null && !variables.isNull() && !variables.isObject()) {
      throw Rejection.invalidArgument(
          "Expected '%s' to be a JSON object, but found %s"
              .formatted(VARIABLES, variables.getNodeType().name().toLowerCase()));
    }
    try {
      return mapper.treeToValue(tree, type);
    } catch (JsonMappingException e) {
      throw Rejection.invalidArgument(
          "Invalid value for field '%s': %s".formatted(pathOf(e), e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw Rejection.invalidArgument("Invalid request body: " + e.getOriginalMessage());
    }
  }

  /** The body as a JSON tree; an empty body is {@code {}}. Searches read their filters from it. */
  JsonNode tree(byte[] body) {
    return parse(body);
  }

  /** The body as a plain JSON object (maps, lists, strings, numbers, booleans). */
  @SuppressWarnings("unchecked")
  java.util.Map<String, Object> readObject(byte[] body) {
    return mapper.convertValue(parse(body), java.util.Map.class);
  }

  byte[] write(Object dto) {
    try {
      return mapper.writeValueAsBytes(dto);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response is not serialisable as JSON", e);
    }
  }

  private JsonNode parse(byte[] body) {
    if (body.length == 0) {
      // bodiless POSTs (cancellation, incident resolution) are legal: treat them as {}
      return mapper.createObjectNode();
    }
    final JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (IOException e) {
      final String field = fieldWhereParsingStopped(e);
      final String where = field.isEmpty() ? "" : " in field '%s'".formatted(field);
      throw Rejection.invalidArgument(
          "Request body is not valid JSON%s: %s".formatted(where, originalMessage(e)));
    }
    if (tree == null || tree.isMissingNode()) {
      return mapper.createObjectNode();
    }
    if (!tree.isObject()) {
      throw Rejection.invalidArgument(
          "Expected the request body to be a JSON object, but found "
              + tree.getNodeType().name().toLowerCase());
    }
    return tree;
  }

  private static String originalMessage(IOException e) {
    return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
  }

  /**
   * The member whose value is malformed, such as {@code variables} when a client embeds a broken
   * variables document; empty when the body broke at the top level.
   */
  private static String fieldWhereParsingStopped(IOException e) {
    if (!(e instanceof JsonProcessingException json)
        || !(json.getProcessor() instanceof JsonParser parser)) {
      return "";
    }
    final Deque<String> path = new ArrayDeque<>();
    for (JsonStreamContext context = parser.getParsingContext();
        context != null && !context.inRoot();
        context = context.getParent()) {
      if (context.inArray()) {
        path.push("[" + context.getCurrentIndex() + "]");
      } else if (context.getCurrentName() != null) {
        path.push("." + context.getCurrentName());
      }
    }
    return String.join("", path).replaceFirst("^\\.", "");
  }

  /** {@code changeset.retries} or {@code fetchVariable[2]}, as a client would spell the field. */
  private static String pathOf(JsonMappingException e) {
    return e.getPath().stream()
        .map(
            ref ->
                ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }
}
