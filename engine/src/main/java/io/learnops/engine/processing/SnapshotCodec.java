package io.learnops.engine.processing;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import io.learnops.engine.state.EngineState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns the engine state into snapshot bytes and back: the {@link SnapshotFormat} header, then two
 * Smile (binary JSON) values, the {@link StateDefaults} table and the state, each field that holds
 * its class's default left out ({@link OmittedDefaults}).
 *
 * <p>Why not JSON, as the journal: with 100,000 instances waiting the JSON state was 160 MiB, most
 * of it field names and default values, and decoding it was most of a restart. Smile writes a
 * field name or a short repeated string (an element id, a tenant, an enum constant) once and then
 * refers back to it, and numbers and byte arrays as binary; leaving defaults out drops the -1s,
 * nulls and empty collections that most element instances hold.
 */
public final class SnapshotCodec {

  /** Deepest nesting written: the state's own structure plus variables nested as clients may send them. */
  private static final int MAX_WRITTEN_NESTING = 1_000;

  private static final SmileFactory FACTORY = SmileFactory.builder()
      .enable(SmileGenerator.Feature.CHECK_SHARED_STRING_VALUES)
      // the snapshot file's header gives the length, so raw bytes need no escaping into 7 bits
      .disable(SmileGenerator.Feature.ENCODE_BINARY_AS_7BIT)
      // Map keys are field names too, and element instance keys never repeat: adding each to the
      // parser's symbol table (and interning it) took most of the decoding. Repeated names are
      // back-references in Smile, which need no table.
      .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
      .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
      // What is read is a superset of what is written: no limit on the length of a string, number
      // or name (a 25-million-character variable must come back), and room beyond the nesting written.
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(Integer.MAX_VALUE)
          .maxNumberLength(Integer.MAX_VALUE)
          .maxNameLength(Integer.MAX_VALUE)
          .maxNestingDepth(MAX_WRITTEN_NESTING + 100)
          .build())
      .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_WRITTEN_NESTING).build())
      .build();

  private static final TypeReference<Map<String, ObjectNode>> DEFAULTS_TABLE = new TypeReference<>() {};

  private final StateDefaults defaults = StateDefaults.of(fieldsOnly(new ObjectMapper(FACTORY)), EngineState.class);
  private final ObjectMapper mapper = OmittedDefaults.install(fieldsOnly(new ObjectMapper(FACTORY)), defaults);

  /** The state's public fields, as {@link EngineState} says; its indexes are rebuilt, not written. */
  private static ObjectMapper fieldsOnly(ObjectMapper mapper) {
    return mapper
        // a set comes back in the order it was written, as the engine that wrote it iterated it
        // (for the children of a scope, say), not in HashSet's order, Jackson's default
        .registerModule(new SimpleModule("snapshot-sets").addAbstractTypeMapping(Set.class, LinkedHashSet.class))
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY);
  }

  public byte[] encodeState(EngineState state) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    try {
      SnapshotFormat.writeHeader(out);
      try (JsonGenerator generator = mapper.createGenerator(out)) {
        mapper.writeValue(generator, defaults.table());
        mapper.writeValue(generator, state);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The state a snapshot taken at {@code position} holds, with its indexes rebuilt.
   *
   * @throws IllegalStateException if the snapshot is of another format or cannot be read; the
   *     engine must then not start, as the journal before the snapshot may be gone
   */
  public EngineState decodeState(long position, byte[] snapshot) {
    SnapshotFormat.check(position, snapshot);
    try (JsonParser parser = mapper.createParser(snapshot, SnapshotFormat.HEADER_BYTES,
        snapshot.length - SnapshotFormat.HEADER_BYTES)) {
      parser.nextToken();
      final Map<String, ObjectNode> written = mapper.readValue(parser, DEFAULTS_TABLE);
      parser.nextToken();
      final EngineState state = OmittedDefaults
          .withWrittenDefaults(mapper.readerFor(EngineState.class), mapper, defaults.changedSince(written))
          .readValue(parser);
      state.rebuildIndexes();
      return state;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("The snapshot at position %d, format %d, cannot be read: %s"
          .formatted(position, SnapshotFormat.VERSION, e.getMessage()), e);
    }
  }
}
