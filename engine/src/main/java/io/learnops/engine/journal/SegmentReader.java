package io.learnops.engine.journal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads one segment front to back, hands over every intact record and stops at the first frame
 * that does not check out. It only describes the damage; whether that is a torn tail or
 * corruption is {@link JournalRecovery}'s call, since only it knows which segment is the last.
 */
final class SegmentReader {

  private static final int READ_BUFFER_BYTES = 1 << 16;

  /**
   * Where reading stopped and why.
   *
   * @param position the record position expected at {@code offset}
   * @param frameIntact the frame checks out but is out of place (a gap or a step back), so it
   *     cannot be a half-written tail
   * @param claimedEnd where the frame would end according to its length field, when the header
   *     was readable enough to say
   */
  record Damage(
      Segment segment,
      long offset,
      long position,
      String problem,
      boolean frameIntact,
      OptionalLong claimedEnd) {

    JournalCorruptedException toException() {
      return new JournalCorruptedException(segment.file(), offset, position, problem);
    }
  }

  /** @param lastPosition the last intact record read, or the segment's first position - 1 */
  record Result(long lastPosition, Optional<Damage> damage) {}

  private final Segment segment;
  private final long size;
  private final DataInputStream in;
  private final ByteBuffer header = ByteBuffer.allocate(Frame.HEADER_BYTES);
  private final PositionedChecksum checksum = new PositionedChecksum();
  private long offset;
  private long expected;

  private SegmentReader(Segment segment, FileChannel channel) throws IOException {
    this.segment = segment;
    this.size = channel.size();
    this.in =
        new DataInputStream(
            new BufferedInputStream(Channels.newInputStream(channel), READ_BUFFER_BYTES));
    this.expected = segment.firstPosition();
  }

  static Result read(Segment segment, Journal.RecordConsumer consumer) throws IOException {
    try (FileChannel channel = FileChannel.open(segment.file(), StandardOpenOption.READ)) {
      return new SegmentReader(segment, channel).readAll(consumer);
    }
  }

  private Result readAll(Journal.RecordConsumer consumer) throws IOException {
    while (offset < size) {
      final Optional<Damage> damage = readFrame(consumer);
      if (damage.isPresent()) {
        return new Result(expected - 1, damage);
      }
    }
    return new Result(expected - 1, Optional.empty());
  }

  private Optional<Damage> readFrame(Journal.RecordConsumer consumer) throws IOException {
    if (size - offset < Frame.HEADER_BYTES) {
      return damaged(
          (size - offset) + " bytes left, fewer than a frame header", false, OptionalLong.empty());
    }
    in.readFully(header.array());
    final Frame.Header frame = Frame.Header.read(header, 0);
    if (!frame.hasKnownFormat()) {
      return damaged(
          String.format("unknown magic/version 0x%02x/%d", frame.magic(), frame.version()),
          false,
          OptionalLong.empty());
    }
    if (frame.length() < 0) {
      return damaged("negative payload length " + frame.length(), false, OptionalLong.empty());
    }
    return readPayload(frame, consumer);
  }

  private Optional<Damage> readPayload(Frame.Header frame, Journal.RecordConsumer consumer)
      throws IOException {
    final long end = offset + Frame.sizeOf(frame.length());
    if (end > size) {
      return damaged(
          String.format(
              "frame of %d payload bytes is incomplete, the file ends %d bytes short",
              frame.length(), end - size),
          false,
          OptionalLong.of(end));
    }
    final byte[] payload = new byte[frame.length()];
    in.readFully(payload);
    if (checksum.of(frame.position(), payload) != frame.checksum()) {
      return damaged("checksum mismatch", false, OptionalLong.of(end));
    }
    if (frame.position() != expected) {
      return damaged(outOfPlace(frame.position()), true, OptionalLong.of(end));
    }
    consumer.accept(expected, payload);
    offset = end;
    expected++;
    return Optional.empty();
  }

  private String outOfPlace(long found) {
    return found < expected
        ? String.format("position goes backwards: found %d where %d was expected", found, expected)
        : String.format("position gap: found %d where %d was expected", found, expected);
  }

  private Optional<Damage> damaged(String problem, boolean frameIntact, OptionalLong claimedEnd) {
    return Optional.of(new Damage(segment, offset, expected, problem, frameIntact, claimedEnd));
  }
}
