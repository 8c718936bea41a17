package io.learnops.engine.processing;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.learnops.engine.state.EngineState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/** Turns the engine state into snapshot bytes and back. */
public final class SnapshotCodec {

  /** Deepest nesting written: the state's own structure plus variables nested as clients may send them. */
  private static final int MAX_WRITTEN_NESTING = 1_000;

  /**
   * What the codec reads back is a superset of what it writes: no limit on the length of a string
   * or a number (Jackson's defaults would refuse a 25-million-character string it wrote itself),
   * and room for nesting beyond the write limit, so whatever the state holds can be read again.
   */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(Integer.MAX_VALUE)
          .maxNumberLength(Integer.MAX_VALUE)
          .maxNameLength(Integer.MAX_VALUE)
          .maxNestingDepth(MAX_WRITTEN_NESTING + 100)
          .build())
      .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_WRITTEN_NESTING).build())
      .build();

  private final ObjectMapper mapper =
      new ObjectMapper(FACTORY)
          // a set comes back in the order it was written, as the engine that wrote it iterated it
          // (for the children of a scope, say), not in HashSet's order, Jackson's default
          .registerModule(new SimpleModule("snapshot-sets").addAbstractTypeMapping(Set.class, LinkedHashSet.class))
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
          .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY);

  public byte[] encodeState(EngineState state) {
    try {
      return mapper.writeValueAsBytes(state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The state a snapshot taken at {@code position} holds, with its indexes rebuilt. */
  public EngineState decodeState(long position, byte[] snapshot) {
    try {
      final EngineState state = mapper.readValue(snapshot, EngineState.class);
      state.rebuildIndexes();
      return state;
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable snapshot at position " + position, e);
    }
  }
}
