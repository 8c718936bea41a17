package io.learnops.engine.scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnops.engine.Engine;
import io.learnops.engine.EngineConfig;
import io.learnops.engine.journal.JournalLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal written by an engine from before typed-record recovery holds commands, not records:
 * this engine refuses it with a message that says what to do, and never misreads it.
 */
class JournalFormatScenarioTest {

  @TempDir Path dataDir;

  @Test
  void aJournalOfCommandsFromAnEarlierVersionIsRefusedWithWhatToDo() throws IOException {
    try (JournalLog journal = JournalLog.open(dataDir, new SimpleMeterRegistry())) {
      journal.append("""
          {"timestamp":1767603600000,"command":{"@c":"CreateInstance","bpmnProcessId":"onboarding","version":-1,\
          "processDefinitionKey":-1,"variables":{},"tenantId":"<default>"}}""".getBytes(StandardCharsets.UTF_8));
      journal.commit();
    }

    assertThatThrownBy(() -> Engine.start(EngineConfig.forTests().withDataDir(dataDir)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("The journal entry at position 1 was written in format 1")
        .hasMessageContaining("this engine reads format 2")
        .hasMessageContaining("Start on an empty data directory");
  }

}
