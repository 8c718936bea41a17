package io.learnops.engine.journal;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Tells a torn tail from corruption. A torn tail is the unfinished write of a commit whose fsync
 * never returned: its records were never acknowledged, so cutting them off loses nothing anyone
 * was promised. Damage to anything that was acknowledged must stop the engine instead.
 *
 * <p>Damage at {@code offset} is a torn tail when the frame there is not intact, no intact frame
 * follows it anywhere, and nothing was written after it: fewer bytes than a frame header remain,
 * or every remaining byte is zero, or every byte from the frame's claimed end on is zero (which
 * includes a claimed end at or past the end of the file). Zeros after a readable header are what a
 * crash leaves when the file grew but some pages of one group commit never reached the disk.
 */
final class TornTail {

  private TornTail() {}

  static boolean isTorn(SegmentReader.Damage damage) throws IOException {
    if (damage.frameIntact()) {
      return false;
    }
    final byte[] rest = bytesFrom(damage);
    return nothingWrittenAfter(damage, rest) && !Frame.containsIntactFrame(rest, 1);
  }

  private static boolean nothingWrittenAfter(SegmentReader.Damage damage, byte[] rest) {
    if (rest.length < Frame.HEADER_BYTES || allZeroFrom(rest, 0)) {
      return true;
    }
    return damage.claimedEnd().isPresent()
        && allZeroFrom(rest, damage.claimedEnd().getAsLong() - damage.offset());
  }

  private static boolean allZeroFrom(byte[] bytes, long from) {
    for (long i = from; i < bytes.length; i++) {
      if (bytes[(int) i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytesFrom(SegmentReader.Damage damage) throws IOException {
    try (FileChannel channel =
        FileChannel.open(damage.segment().file(), StandardOpenOption.READ)) {
      channel.position(damage.offset());
      return Channels.newInputStream(channel).readAllBytes();
    }
  }
}
