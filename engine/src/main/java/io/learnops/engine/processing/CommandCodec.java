package io.learnops.engine.processing;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.learnops.engine.state.EngineState;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns journal entries and state snapshots into bytes and back. JSON keeps the journal readable
 * with standard tools when an operator has to look inside.
 */
public final class CommandCodec {

  private final ObjectMapper mapper =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
          .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY);

  private final ObjectMapper recordMapper =
      new ObjectMapper()
          .registerModule(new BlackbirdModule())
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

  public byte[] encodeState(EngineState state) {
    try {
      return mapper.writeValueAsBytes(state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public EngineState decodeState(byte[] bytes) {
    try {
      final EngineState state = mapper.readValue(bytes, EngineState.class);
      state.rebuildIndexes();
      return state;
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable snapshot", e);
    }
  }
}
