package io.learnops.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.engine.api.JsonVariables;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.testing.NestedValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever the state may hold, a snapshot of it can be read back. */
class CommandCodecTest {

  private final CommandCodec codec = new CommandCodec();

  @Test
  void aVariableOfTwentyFiveMillionCharactersSurvivesASnapshot() {
    final EngineState state = new EngineState();
    final String transcript = "x".repeat(25_000_000);
    state.variables.put(1L, new LinkedHashMap<>(Map.of("transcript", transcript)));

    final EngineState restored = codec.decodeState(codec.encodeState(state));

    assertThat((String) restored.variables.get(1L).get("transcript")).hasSize(transcript.length());
  }

  @Test
  void aVariableNestedAsDeepAsClientsMaySendSurvivesASnapshotAndTheJournal() {
    final Object deepest = NestedValues.nested(JsonVariables.MAX_NESTING);
    final EngineState state = new EngineState();
    state.variables.put(1L, new LinkedHashMap<>(Map.of("tree", deepest)));
    final JournalEntry entry = JournalEntry.of(1, new EngineCommand.CreateInstance("p", -1, -1,
        Map.of("tree", deepest), "<default>"), 0, List.of());

    assertThat(codec.decodeState(codec.encodeState(state)).variables.get(1L)).containsKey("tree");
    assertThat(codec.decode(codec.encode(entry)).command()).isInstanceOf(EngineCommand.CreateInstance.class);
  }
}
