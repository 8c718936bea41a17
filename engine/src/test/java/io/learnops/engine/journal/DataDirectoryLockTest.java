package io.learnops.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {

  @TempDir Path dataDir;

  @Test
  void aSecondEngineCannotOpenADataDirectoryInUseAndCanOnceItIsClosed() throws IOException {
    final JournalLog first = JournalLog.open(dataDir, new SimpleMeterRegistry());

    assertThatThrownBy(() -> JournalLog.open(dataDir, new SimpleMeterRegistry()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("in use by another running engine")
        .hasMessageContaining(dataDir.toAbsolutePath().toString());

    first.close();
    try (JournalLog again = JournalLog.open(dataDir, new SimpleMeterRegistry())) {
      assertThat(again.lastPosition()).isZero();
    }
  }
}
