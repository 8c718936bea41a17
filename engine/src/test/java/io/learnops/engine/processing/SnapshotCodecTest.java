package io.learnops.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.engine.api.JsonVariables;
import io.learnops.engine.state.ElementInstance;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.testing.NestedValues;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A snapshot brings back the state it was taken of, field for field, with working indexes; or says why not. */
class SnapshotCodecTest {

  private final SnapshotCodec codec = new SnapshotCodec();

  @Test
  void aVariableOfTwentyFiveMillionCharactersAndOneNestedAsDeepAsClientsMaySendComeBack() {
    final EngineState state = new EngineState();
    final String transcript = "x".repeat(25_000_000);
    final Object tree = NestedValues.nested(JsonVariables.MAX_NESTING);
    state.variables.put(1L, new LinkedHashMap<>(Map.of("transcript", transcript, "tree", tree)));

    final Map<String, Object> restored = roundTrip(state).variables.get(1L);

    assertThat((String) restored.get("transcript")).isEqualTo(transcript);
    assertThat(restored.get("tree")).isEqualTo(tree);
  }

  @Test
  void aSetComesBackInTheOrderItWasWritten() {
    final EngineState state = new EngineState();
    final ElementInstance scope = new ElementInstance();
    scope.children = new LinkedHashSet<>(List.of(30L, 10L, 20L));
    state.elementInstances.put(1L, scope);

    assertThat(roundTrip(state).elementInstances.get(1L).children).containsExactly(30L, 10L, 20L);
  }

  private EngineState roundTrip(EngineState state) {
    return codec.decodeState(1, codec.encodeState(state));
  }
}
