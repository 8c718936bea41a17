package io.learnops.engine.journal;

import static io.learnops.engine.journal.JournalFiles.FRAME_BYTES;
import static io.learnops.engine.journal.JournalFiles.appendAndCommit;
import static io.learnops.engine.journal.JournalFiles.payload;
import static io.learnops.engine.journal.JournalFiles.range;
import static io.learnops.engine.journal.JournalFiles.replayedPositions;
import static io.learnops.engine.journal.JournalFiles.segmentFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three full segments of {@link #PER_SEGMENT} records each, plus one record in a fourth. */
class JournalCompactionTest {

  private static final int SEGMENT_BYTES = 10 * FRAME_BYTES;
  private static final int PER_SEGMENT = 10;
  private static final int RECORDS = 3 * PER_SEGMENT + 1;

  @TempDir Path dir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void writeFourSegments() throws Exception {
    try (Journal journal = open()) {
      appendAndCommit(journal, RECORDS);
    }
    assertThat(segmentFiles(dir)).hasSize(4);
  }

  @Test
  void givenASnapshotInsideTheSecondSegment_whenCompacted_thenOnlyTheFirstSegmentIsDeleted()
      throws Exception {
    try (Journal journal = open()) {
      journal.compactUpTo(15);

      assertThat(segmentFiles(dir))
          .extracting(file -> file.getFileName().toString())
          .containsExactly(
              "journal-00000000000000000011.log",
              "journal-00000000000000000021.log",
              "journal-00000000000000000031.log");
      assertThat(replayedPositions(journal, 15)).isEqualTo(range(16, RECORDS));
    }
  }

  @Test
  void givenASnapshotAtASegmentsLastRecord_whenCompacted_thenThatSegmentGoesToo() throws Exception {
    try (Journal journal = open()) {
      journal.compactUpTo(20);

      assertThat(segmentFiles(dir)).hasSize(2);
      assertThat(replayedPositions(journal, 20)).isEqualTo(range(21, RECORDS));
    }
  }

  @Test
  void givenACompactedJournal_whenReopened_thenItReplaysAndAppendsFromWhereItWas()
      throws Exception {
    try (Journal journal = open()) {
      journal.compactUpTo(20);
    }

    try (Journal journal = open()) {
      assertThat(journal.lastPosition()).isEqualTo(RECORDS);
      assertThat(replayedPositions(journal, 20)).isEqualTo(range(21, RECORDS));
      assertThat(journal.append(payload(RECORDS + 1))).isEqualTo(RECORDS + 1);
    }
  }

  @Test
  void givenAPositionBeyondTheLastRecord_whenCompacted_thenTheActiveSegmentStays()
      throws Exception {
    try (Journal journal = open()) {
      journal.compactUpTo(1_000);

      assertThat(segmentFiles(dir))
          .containsExactly(dir.resolve("journal-00000000000000000031.log"));
      appendAndCommit(journal, 1);
    }

    try (Journal journal = open()) {
      assertThat(replayedPositions(journal, RECORDS - 1)).containsExactly(31L, 32L);
    }
  }

  @Test
  void givenACompactedJournal_whenReplayedFromBeforeTheCompactionPoint_thenItRefuses()
      throws Exception {
    try (Journal journal = open()) {
      journal.compactUpTo(20);

      assertThatThrownBy(() -> journal.replay(5, (position, payload) -> {}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("records up to 20 were compacted away");
    }
  }

  private Journal open() throws Exception {
    return Journal.open(dir, registry, SEGMENT_BYTES);
  }
}
