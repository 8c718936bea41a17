package io.learnops.engine.journal;

import java.nio.ByteBuffer;

/**
 * The on-disk layout of one journal record.
 *
 * <pre>
 * magic (1) | version (1) | payload length (int) | position (long) | CRC32C (int) | payload
 * </pre>
 *
 * <p>The magic byte is never zero, so a zero-filled region (a file extended but never written)
 * cannot pass for a frame. All integers are big-endian.
 */
final class Frame {

  static final byte MAGIC = 0x4A;
  static final byte VERSION = 1;
  static final int HEADER_BYTES = 1 + 1 + Integer.BYTES + Long.BYTES + Integer.BYTES;
  static final int MAX_PAYLOAD_BYTES = Integer.MAX_VALUE - HEADER_BYTES;

  private static final int LENGTH_OFFSET = 2;
  private static final int POSITION_OFFSET = LENGTH_OFFSET + Integer.BYTES;
  private static final int CHECKSUM_OFFSET = POSITION_OFFSET + Long.BYTES;

  private Frame() {}

  static long sizeOf(int payloadLength) {
    return (long) HEADER_BYTES + payloadLength;
  }

  static void putHeader(ByteBuffer target, long position, int payloadLength, int checksum) {
    target.put(MAGIC).put(VERSION).putInt(payloadLength).putLong(position).putInt(checksum);
  }

  /** The header fields as read, before anything is known to be right about them. */
  record Header(byte magic, byte version, int length, long position, int checksum) {

    static Header read(ByteBuffer source, int at) {
      return new Header(
          source.get(at),
          source.get(at + 1),
          source.getInt(at + LENGTH_OFFSET),
          source.getLong(at + POSITION_OFFSET),
          source.getInt(at + CHECKSUM_OFFSET));
    }

    boolean hasKnownFormat() {
      return magic == MAGIC && version == VERSION;
    }
  }

  /**
   * Whether {@code bytes} hold, at any offset from {@code from}, a complete frame whose checksum
   * matches. Used before treating damage as a torn tail: a damaged length field can make a frame
   * in the middle look like the last one, and truncating there would drop the records after it.
   */
  static boolean containsIntactFrame(byte[] bytes, int from) {
    final ByteBuffer view = ByteBuffer.wrap(bytes);
    final PositionedChecksum checksum = new PositionedChecksum();
    for (int at = from; at + HEADER_BYTES <= bytes.length; at++) {
      if (isIntactAt(view, at, checksum)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isIntactAt(ByteBuffer view, int at, PositionedChecksum checksum) {
    final Header header = Header.read(view, at);
    if (!header.hasKnownFormat() || header.length() < 0) {
      return false;
    }
    final int payloadAt = at + HEADER_BYTES;
    return header.length() <= view.capacity() - payloadAt
        && checksum.of(header.position(), view.array(), payloadAt, header.length())
            == header.checksum();
  }
}
