package io.learnops.engine.processing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The first bytes of a snapshot: {@code LOSNAP} and the format version. A snapshot this engine
 * cannot read is then refused by name instead of misread. Format 1, JSON without a header, was
 * written by engines before the header.
 */
final class SnapshotFormat {

  static final int VERSION = 2;
  private static final byte[] MAGIC = "LOSNAP".getBytes(StandardCharsets.US_ASCII);
  static final int HEADER_BYTES = MAGIC.length + 1;

  private SnapshotFormat() {}

  static void writeHeader(OutputStream out) throws IOException {
    out.write(MAGIC);
    out.write(VERSION);
  }

  /** Throws, naming the format found, unless {@code snapshot} starts with this format's header. */
  static void check(long position, byte[] snapshot) {
    if (hasMagic(snapshot) && snapshot[MAGIC.length] == VERSION) {
      return;
    }
    throw new IllegalStateException(("The snapshot at position %d was written in %s; this engine reads format %d. "
        + "Start on an empty data directory (the instances in this one are not carried over), or go on with the "
        + "engine release that wrote the snapshot.").formatted(position, formatOf(snapshot), VERSION));
  }

  private static String formatOf(byte[] snapshot) {
    if (hasMagic(snapshot)) {
      return "format " + Byte.toUnsignedInt(snapshot[MAGIC.length]);
    }
    if (snapshot.length == 0) {
      return "no format (it is empty)";
    }
    if (snapshot[0] == '{') {
      return "format 1 (JSON, without a header)";
    }
    return "a format this engine does not know (its first bytes: "
        + HexFormat.ofDelimiter(" ").formatHex(snapshot, 0, Math.min(snapshot.length, HEADER_BYTES)) + ")";
  }

  private static boolean hasMagic(byte[] snapshot) {
    return snapshot.length >= HEADER_BYTES
        && Arrays.equals(snapshot, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }
}
