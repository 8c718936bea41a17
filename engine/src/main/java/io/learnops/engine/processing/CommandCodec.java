package io.learnops.engine.processing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns journal entries (the records a command wrote, see {@link RecordJson}) into bytes and back.
 * JSON keeps the journal readable with standard tools when an operator has to look inside. State
 * snapshots have their own codec, {@link SnapshotCodec}.
 */
public final class CommandCodec {

  /** Deepest nesting written: a command's own structure plus variables nested as clients may send them. */
  private static final int MAX_WRITTEN_NESTING = 1_000;

  /**
   * What the codec reads back is a superset of what it writes: no limit on the length of a string
   * or a number (Jackson's defaults would refuse a 25-million-character string it wrote itself),
   * and room for nesting beyond the write limit, so whatever a command holds can be read again.
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

  private final ObjectMapper recordMapper =
      new ObjectMapper(FACTORY)
          .registerModule(new BlackbirdModule())
          .registerModule(RecordJson.module())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public byte[] encode(JournalEntry entry) {
    try {
      return recordMapper.writeValueAsBytes(entry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JournalEntry decode(byte[] bytes) {
    try {
      return recordMapper.readValue(bytes, JournalEntry.class);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable journal entry", e);
    }
  }
}
