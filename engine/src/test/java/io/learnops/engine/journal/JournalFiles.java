package io.learnops.engine.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Writes journals and damages their files the way crashes and bad disks do. */
final class JournalFiles {

  /** Every {@link #payload} has this length, so frame offsets are easy to compute. */
  static final int PAYLOAD_BYTES = 11;

  static final int FRAME_BYTES = Frame.HEADER_BYTES + PAYLOAD_BYTES;

  private JournalFiles() {}

  static byte[] payload(long position) {
    return String.format("record-%04d", position).getBytes(StandardCharsets.US_ASCII);
  }

  /** Byte offset of the frame holding {@code position} in a segment starting at {@code first}. */
  static long offsetOf(long position, long first) {
    return (position - first) * FRAME_BYTES;
  }

  static void appendAndCommit(Journal journal, int records) {
    for (int i = 0; i < records; i++) {
      journal.append(payload(journal.lastPosition() + 1));
    }
    journal.commit();
  }

  /** Replays everything after {@code afterPosition} as positions, checking each payload. */
  static List<Long> replayedPositions(Journal journal, long afterPosition) throws IOException {
    final List<Long> positions = new ArrayList<>();
    journal.replay(
        afterPosition,
        (position, payload) -> {
          if (!new String(payload, StandardCharsets.US_ASCII)
              .equals(new String(payload(position), StandardCharsets.US_ASCII))) {
            throw new AssertionError("Payload of position " + position + " is wrong");
          }
          positions.add(position);
        });
    return positions;
  }

  static List<Long> range(long from, long to) {
    final List<Long> positions = new ArrayList<>();
    for (long p = from; p <= to; p++) {
      positions.add(p);
    }
    return positions;
  }

  static List<Path> segmentFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(file -> file.getFileName().toString().matches("journal-\\d{20}\\.log"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path lastSegment(Path dir) {
    final List<Path> segments = segmentFiles(dir);
    return segments.get(segments.size() - 1);
  }

  static void overwrite(Path file, long offset, byte[] bytes) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      final ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer, offset + buffer.position());
      }
    }
  }

  static void appendBytes(Path file, byte[] bytes) throws IOException {
    overwrite(file, Files.size(file), bytes);
  }

  static void flipByte(Path file, long offset) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      final ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, offset);
      channel.write(ByteBuffer.wrap(new byte[] {(byte) (one.get(0) ^ 0xFF)}), offset);
    }
  }

  static void truncate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }

  /** Cuts {@code length} bytes out of the file at {@code offset}, closing up the rest. */
  static void cutOut(Path file, long offset, int length) throws IOException {
    final byte[] bytes = Files.readAllBytes(file);
    final byte[] shorter = new byte[bytes.length - length];
    System.arraycopy(bytes, 0, shorter, 0, (int) offset);
    System.arraycopy(
        bytes, (int) offset + length, shorter, (int) offset, bytes.length - (int) offset - length);
    Files.write(file, shorter);
  }
}
