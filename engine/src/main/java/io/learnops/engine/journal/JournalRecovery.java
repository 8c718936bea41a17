package io.learnops.engine.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every segment when the journal opens, so that damage is found before the engine builds
 * state on it rather than halfway through replay. The only repair it makes is cutting off a torn
 * tail of the last segment ({@link TornTail}); everything else throws {@link
 * JournalCorruptedException} and leaves the files as they are.
 */
final class JournalRecovery {

  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

  private JournalRecovery() {}

  /**
   * @param segments oldest first, at least one
   * @return the position of the last record, after any torn tail was cut off
   */
  static long recover(List<Segment> segments) throws IOException {
    long expected = segments.get(0).firstPosition();
    for (int i = 0; i < segments.size(); i++) {
      final Segment segment = segments.get(i);
      requireContiguous(segment, expected);
      final SegmentReader.Result result = SegmentReader.read(segment, (position, payload) -> {});
      if (result.damage().isPresent()) {
        repairOrThrow(result.damage().get(), i == segments.size() - 1);
      }
      expected = result.lastPosition() + 1;
    }
    return expected - 1;
  }

  private static void requireContiguous(Segment segment, long expected) {
    if (segment.firstPosition() != expected) {
      throw new JournalCorruptedException(
          segment.file(),
          0,
          expected,
          String.format(
              "segment starts at position %d but the one before it ends at %d: "
                  + "a segment is missing",
              segment.firstPosition(), expected - 1));
    }
  }

  private static void repairOrThrow(SegmentReader.Damage damage, boolean inLastSegment)
      throws IOException {
    if (!inLastSegment || !TornTail.isTorn(damage)) {
      throw damage.toException();
    }
    final long dropped = truncate(damage);
    LOG.warn(
        "Journal file {}: cut off a torn tail at byte offset {} (record position {}, {}); "
            + "{} bytes dropped. The process stopped during a commit, so the record was never "
            + "acknowledged.",
        damage.segment().file(),
        damage.offset(),
        damage.position(),
        damage.problem(),
        dropped);
  }

  private static long truncate(SegmentReader.Damage damage) throws IOException {
    try (FileChannel channel =
        FileChannel.open(damage.segment().file(), StandardOpenOption.WRITE)) {
      final long dropped = channel.size() - damage.offset();
      channel.truncate(damage.offset());
      channel.force(true);
      return dropped;
    }
  }
}
