package io.learnops.engine.journal;

import static io.learnops.engine.journal.JournalFiles.FRAME_BYTES;
import static io.learnops.engine.journal.JournalFiles.appendAndCommit;
import static io.learnops.engine.journal.JournalFiles.appendBytes;
import static io.learnops.engine.journal.JournalFiles.cutOut;
import static io.learnops.engine.journal.JournalFiles.flipByte;
import static io.learnops.engine.journal.JournalFiles.lastSegment;
import static io.learnops.engine.journal.JournalFiles.offsetOf;
import static io.learnops.engine.journal.JournalFiles.overwrite;
import static io.learnops.engine.journal.JournalFiles.payload;
import static io.learnops.engine.journal.JournalFiles.range;
import static io.learnops.engine.journal.JournalFiles.replayedPositions;
import static io.learnops.engine.journal.JournalFiles.segmentFiles;
import static io.learnops.engine.journal.JournalFiles.truncate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRecoveryTest {

  /** Ten records per segment. */
  private static final int SEGMENT_BYTES = 10 * FRAME_BYTES;

  private static final int LENGTH_FIELD_OFFSET = 2;

  @TempDir Path dir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Nested
  class TornTails {

    @Test
    void givenTheLastRecordCutShort_whenOpened_thenItIsCutOffWithOneWarningAndTheJournalWorks()
        throws Exception {
      write(5);
      final Path segment = lastSegment(dir);
      truncate(segment, offsetOf(5, 1) + FRAME_BYTES - 3);

      try (CapturedLog log = CapturedLog.of(Journal.class);
          Journal journal = open()) {
        assertThat(log.warnings())
            .singleElement()
            .asString()
            .contains(segment.toString(), "byte offset " + offsetOf(5, 1), "record position 5");
        assertThat(journal.lastPosition()).isEqualTo(4);
        assertThat(journal.append(payload(5))).isEqualTo(5);
        journal.commit();
      }
      assertThat(Files.size(segment)).isEqualTo(5L * FRAME_BYTES);
      try (Journal journal = open()) {
        assertThat(replayedPositions(journal, 0)).isEqualTo(range(1, 5));
      }
    }

    @Test
    void givenTheLastRecordFailingItsChecksum_whenOpened_thenItIsCutOff() throws Exception {
      write(5);
      flipByte(lastSegment(dir), offsetOf(5, 1) + FRAME_BYTES - 1);

      assertRecoveredTo(4);
    }

    @Test
    void givenFewerBytesThanAFrameHeaderAfterTheLastRecord_whenOpened_thenTheyAreCutOff()
        throws Exception {
      write(5);
      appendBytes(lastSegment(dir), new byte[] {Frame.MAGIC, Frame.VERSION, 0, 0, 7});

      assertRecoveredTo(5);
    }

    @Test
    void givenZerosAfterTheLastRecord_whenOpened_thenTheyAreCutOff() throws Exception {
      write(5);
      appendBytes(lastSegment(dir), new byte[4096]);

      assertRecoveredTo(5);
    }

    @Test
    void givenAGroupCommitWhosePagesFromTheMiddleOnAreZeros_whenOpened_thenItIsCutOffThere()
        throws Exception {
      write(8);
      final Path segment = lastSegment(dir);
      final long tornAt = offsetOf(6, 1) + Frame.HEADER_BYTES + 2;
      overwrite(segment, tornAt, new byte[(int) (Files.size(segment) - tornAt)]);

      assertRecoveredTo(5);
    }

    @Test
    void givenATornTailInTheLastOfSeveralSegments_whenOpened_thenOnlyThatTailIsCutOff()
        throws Exception {
      write(25);
      truncate(lastSegment(dir), offsetOf(25, 21) + 4);

      assertRecoveredTo(24);
      assertThat(segmentFiles(dir)).hasSize(3);
    }

    @Test
    void givenTheOnlyRecordOfTheLastSegmentTorn_whenOpened_thenTheEmptySegmentContinues()
        throws Exception {
      write(11);
      truncate(lastSegment(dir), FRAME_BYTES - 1);

      assertRecoveredTo(10);
      try (Journal journal = open()) {
        appendAndCommit(journal, 1);
      }
      assertRecoveredTo(11);
    }
  }

  @Nested
  class DamageInTheMiddle {

    @Test
    void givenABadChecksumFollowedByMoreRecords_whenOpened_thenItFailsAndTruncatesNothing()
        throws Exception {
      write(5);
      final Path segment = lastSegment(dir);
      flipByte(segment, offsetOf(3, 1) + FRAME_BYTES - 1);

      final JournalCorruptedException error = openFailing();

      assertThat(error.file()).isEqualTo(segment);
      assertThat(error.offset()).isEqualTo(offsetOf(3, 1));
      assertThat(error.position()).isEqualTo(3);
      assertThat(error)
          .hasMessageContaining(segment.toString())
          .hasMessageContaining("byte offset " + offsetOf(3, 1))
          .hasMessageContaining("record position 3")
          .hasMessageContaining("checksum mismatch");
    }

    @Test
    void givenALengthFieldDamagedToReachPastTheEndOfFile_whenOpened_thenTheRecordsAfterItAreKept()
        throws Exception {
      write(5);
      overwrite(
          lastSegment(dir),
          offsetOf(3, 1) + LENGTH_FIELD_OFFSET,
          ByteBuffer.allocate(Integer.BYTES).putInt(1_000_000).array());

      assertThat(openFailing().position()).isEqualTo(3);
    }

    @Test
    void givenGarbageThatIsNotAFrameAfterTheLastRecord_whenOpened_thenItFails() throws Exception {
      write(5);
      final byte[] garbage = new byte[64];
      Arrays.fill(garbage, (byte) 0x5A);
      appendBytes(lastSegment(dir), garbage);

      assertThat(openFailing()).hasMessageContaining("unknown magic");
    }

    @Test
    void givenABadFrameAtTheEndOfASegmentThatIsNotTheLast_whenOpened_thenItFails()
        throws Exception {
      write(15);
      final Path first = segmentFiles(dir).get(0);
      flipByte(first, Files.size(first) - 1);

      final JournalCorruptedException error = openFailing();

      assertThat(error.file()).isEqualTo(first);
      assertThat(error.position()).isEqualTo(10);
    }

    @Test
    void givenARecordMissingFromASegment_whenOpened_thenThePositionGapFails() throws Exception {
      write(5);
      cutOut(lastSegment(dir), offsetOf(3, 1), FRAME_BYTES);

      assertThat(openFailing()).hasMessageContaining("position gap: found 4 where 3 was expected");
    }

    @Test
    void givenAnOldRecordRepeatedAtTheEnd_whenOpened_thenThePositionGoingBackwardsFails()
        throws Exception {
      write(5);
      final Path segment = lastSegment(dir);
      appendBytes(segment, Arrays.copyOfRange(Files.readAllBytes(segment), 0, FRAME_BYTES));

      assertThat(openFailing())
          .hasMessageContaining("position goes backwards: found 1 where 6 was expected");
    }

    @Test
    void givenASegmentMissingBetweenTwoOthers_whenOpened_thenItFails() throws Exception {
      write(25);
      Files.delete(segmentFiles(dir).get(1));

      final JournalCorruptedException error = openFailing();

      assertThat(error.file()).isEqualTo(dir.resolve("journal-00000000000000000021.log"));
      assertThat(error).hasMessageContaining("a segment is missing");
    }
  }

  private void write(int records) throws Exception {
    try (Journal journal = open()) {
      appendAndCommit(journal, records);
    }
  }

  private Journal open() throws Exception {
    return Journal.open(dir, registry, SEGMENT_BYTES);
  }

  private void assertRecoveredTo(long lastPosition) throws Exception {
    try (Journal journal = open()) {
      assertThat(journal.lastPosition()).isEqualTo(lastPosition);
      assertThat(replayedPositions(journal, 0)).isEqualTo(range(1, lastPosition));
    }
  }

  /** Opens the journal expecting corruption, and checks that no file was changed by it. */
  private JournalCorruptedException openFailing() throws Exception {
    final byte[][] before = contentsOfSegments();
    final JournalCorruptedException error =
        catchThrowableOfType(JournalCorruptedException.class, this::open);
    assertThat(error).isNotNull();
    assertThat(contentsOfSegments()).isDeepEqualTo(before);
    return error;
  }

  private byte[][] contentsOfSegments() throws Exception {
    final var segments = segmentFiles(dir);
    final byte[][] contents = new byte[segments.size()][];
    for (int i = 0; i < contents.length; i++) {
      contents[i] = Files.readAllBytes(segments.get(i));
    }
    return contents;
  }
}
