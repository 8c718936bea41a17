package io.learnops.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.engine.api.JsonVariables;
import io.learnops.engine.testing.NestedValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever a command may hold, its journal entry can be read back. */
class CommandCodecTest {

  private final CommandCodec codec = new CommandCodec();

  @Test
  void aVariableNestedAsDeepAsClientsMaySendSurvivesTheJournal() {
    final Object deepest = NestedValues.nested(JsonVariables.MAX_NESTING);
    final JournalEntry entry = JournalEntry.of(1, new EngineCommand.CreateInstance("p", -1, -1,
        Map.of("tree", deepest), "<default>"), 0, List.of());

    assertThat(codec.decode(codec.encode(entry)).command()).isInstanceOf(EngineCommand.CreateInstance.class);
  }
}
