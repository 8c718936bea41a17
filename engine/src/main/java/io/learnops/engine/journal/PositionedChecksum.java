package io.learnops.engine.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC32C over a position, a length and the bytes themselves.
 *
 * <p>Covering the position and length, not only the bytes, catches a frame or snapshot that is
 * intact in itself but sits where it does not belong. One instance is reused for every record so
 * the hot path allocates nothing; it is not thread-safe.
 */
final class PositionedChecksum {

  private final CRC32C crc = new CRC32C();
  private final ByteBuffer prefix = ByteBuffer.allocate(Long.BYTES + Integer.BYTES);

  int of(long position, byte[] data) {
    return of(position, data, 0, data.length);
  }

  int of(long position, byte[] data, int offset, int length) {
    crc.reset();
    prefix.clear();
    prefix.putLong(position).putInt(length).flip();
    crc.update(prefix);
    crc.update(data, offset, length);
    return (int) crc.getValue();
  }
}
