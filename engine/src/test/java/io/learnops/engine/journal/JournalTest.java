package io.learnops.engine.journal;

import static io.learnops.engine.journal.JournalFiles.FRAME_BYTES;
import static io.learnops.engine.journal.JournalFiles.appendAndCommit;
import static io.learnops.engine.journal.JournalFiles.payload;
import static io.learnops.engine.journal.JournalFiles.range;
import static io.learnops.engine.journal.JournalFiles.replayedPositions;
import static io.learnops.engine.journal.JournalFiles.segmentFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

  private static final int SMALL_SEGMENT_BYTES = 4096;

  @TempDir Path dir;

  private final MeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void givenAnEmptyDirectory_whenOpened_thenTheJournalIsEmptyAndStartsAtPositionOne()
      throws Exception {
    try (Journal journal = Journal.open(dir, registry)) {
      assertThat(journal.lastPosition()).isZero();
      assertThat(replayedPositions(journal, 0)).isEmpty();
      assertThat(journal.append(payload(1))).isEqualTo(1);
    }
    assertThat(segmentFiles(dir)).containsExactly(dir.resolve("journal-00000000000000000001.log"));
  }

  @Test
  void givenAppends_thenPositionsIncreaseByOneAndLastPositionCountsBufferedRecords()
      throws Exception {
    try (Journal journal = Journal.open(dir, registry)) {
      assertThat(journal.append(payload(1))).isEqualTo(1);
      assertThat(journal.append(payload(2))).isEqualTo(2);
      assertThat(journal.lastPosition()).isEqualTo(2);
      journal.commit();
      assertThat(journal.append(payload(3))).isEqualTo(3);
    }
  }

  @Test
  void givenCommittedRecords_whenReopenedAfterACleanClose_thenAllReplayAndAppendsContinue()
      throws Exception {
    try (Journal journal = Journal.open(dir, registry)) {
      appendAndCommit(journal, 3);
      appendAndCommit(journal, 2);
    }

    try (Journal journal = Journal.open(dir, registry)) {
      assertThat(journal.lastPosition()).isEqualTo(5);
      assertThat(replayedPositions(journal, 0)).isEqualTo(range(1, 5));
      assertThat(journal.append(payload(6))).isEqualTo(6);
      journal.commit();
    }

    try (Journal journal = Journal.open(dir, registry)) {
      assertThat(replayedPositions(journal, 0)).isEqualTo(range(1, 6));
    }
  }

  @Test
  void givenUncommittedRecords_whenClosed_thenTheyAreDiscarded() throws Exception {
    try (Journal journal = Journal.open(dir, registry)) {
      appendAndCommit(journal, 2);
      journal.append(payload(3));
    }

    try (Journal journal = Journal.open(dir, registry)) {
      assertThat(journal.lastPosition()).isEqualTo(2);
      assertThat(journal.append(payload(3))).isEqualTo(3);
    }
  }

  @Test
  void givenRecords_whenReplayedAfterAPosition_thenOnlyLaterRecordsArriveInOrder()
      throws Exception {
    try (Journal journal = Journal.open(dir, registry)) {
      appendAndCommit(journal, 10);

      assertThat(replayedPositions(journal, 7)).containsExactly(8L, 9L, 10L);
      assertThat(replayedPositions(journal, 10)).isEmpty();
    }
  }

  @Test
  void givenPayloadsOfAnySize_whenCommitted_thenTheyReplayByteForByte() throws Exception {
    final byte[] empty = new byte[0];
    final byte[] largerThanTheWriteBuffer = new byte[3 * 1024 * 1024 + 7];
    new Random(42).nextBytes(largerThanTheWriteBuffer);
    try (Journal journal = Journal.open(dir, registry)) {
      journal.append(empty);
      journal.append(largerThanTheWriteBuffer);
      journal.commit();
    }

    final List<byte[]> replayed = new ArrayList<>();
    try (Journal journal = Journal.open(dir, registry)) {
      journal.replay(0, (position, payload) -> replayed.add(payload));
    }
    assertThat(replayed).containsExactly(empty, largerThanTheWriteBuffer);
  }

  @Test
  void givenNothingBuffered_whenCommitting_thenNothingIsWrittenOrMeasured() throws Exception {
    try (Journal journal = Journal.open(dir, registry)) {
      journal.commit();
    }

    assertThat(Files.size(segmentFiles(dir).get(0))).isZero();
    assertThat(registry.get("learnops.engine.journal.commit").timer().count()).isZero();
  }

  @Test
  void givenGroupCommits_thenTheirDurationRecordsAndBytesAreMeasured() throws Exception {
    try (Journal journal = Journal.open(dir, registry)) {
      appendAndCommit(journal, 3);
      appendAndCommit(journal, 5);
    }

    assertThat(registry.get("learnops.engine.journal.commit").timer().count()).isEqualTo(2);
    assertThat(registry.get("learnops.engine.journal.commit.records").summary().totalAmount())
        .isEqualTo(8);
    assertThat(registry.get("learnops.engine.journal.commit.records").summary().max())
        .isEqualTo(5);
    assertThat(registry.get("learnops.engine.journal.appended.bytes").counter().count())
        .isEqualTo(8 * FRAME_BYTES);
  }

  @Test
  void givenSmallSegments_whenRecordsOutgrowOne_thenSegmentsRollAndAreNamedByTheirFirstPosition()
      throws Exception {
    final int recordsPerSegment = SMALL_SEGMENT_BYTES / FRAME_BYTES;
    try (Journal journal = Journal.open(dir, registry, SMALL_SEGMENT_BYTES)) {
      appendAndCommit(journal, recordsPerSegment * 2 + 1);
    }

    assertThat(segmentFiles(dir))
        .extracting(file -> file.getFileName().toString())
        .containsExactly(
            "journal-00000000000000000001.log",
            String.format("journal-%020d.log", recordsPerSegment + 1),
            String.format("journal-%020d.log", 2 * recordsPerSegment + 1));
    for (Path segment : segmentFiles(dir)) {
      assertThat(Files.size(segment)).isLessThanOrEqualTo(SMALL_SEGMENT_BYTES);
    }
    try (Journal journal = Journal.open(dir, registry, SMALL_SEGMENT_BYTES)) {
      assertThat(replayedPositions(journal, 0)).isEqualTo(range(1, recordsPerSegment * 2 + 1));
    }
  }

  @Test
  void givenARecordLargerThanASegment_whenCommitted_thenItGetsASegmentOfItsOwn() throws Exception {
    final byte[] large = new byte[SMALL_SEGMENT_BYTES * 2];
    try (Journal journal = Journal.open(dir, registry, SMALL_SEGMENT_BYTES)) {
      journal.append(payload(1));
      journal.append(large);
      journal.append(payload(3));
      journal.commit();
    }

    assertThat(segmentFiles(dir))
        .extracting(file -> file.getFileName().toString())
        .containsExactly(
            "journal-00000000000000000001.log",
            "journal-00000000000000000002.log",
            "journal-00000000000000000003.log");
    try (Journal journal = Journal.open(dir, registry, SMALL_SEGMENT_BYTES)) {
      assertThat(journal.lastPosition()).isEqualTo(3);
    }
  }

  @Test
  void givenACommitThatFailed_whenUsedAgain_thenItRefusesRatherThanWriteAfterAPartialWrite()
      throws Exception {
    final Path journalDir = dir.resolve("journal");
    try (Journal journal = Journal.open(journalDir, registry, FRAME_BYTES)) {
      appendAndCommit(journal, 1);
      Files.delete(segmentFiles(journalDir).get(0));
      Files.delete(journalDir);
      journal.append(payload(2));

      assertThatThrownBy(journal::commit).isInstanceOf(UncheckedIOException.class);
      assertThatThrownBy(() -> journal.append(payload(3)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("reopen");
    }
  }

  @Test
  void givenAClosedJournal_whenUsed_thenItRefuses() throws Exception {
    final Journal journal = Journal.open(dir, registry);
    journal.close();

    assertThatThrownBy(() -> journal.append(payload(1))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(journal::commit).isInstanceOf(IllegalStateException.class);
  }
}
