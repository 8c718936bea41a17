package io.learnops.engine.journal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's write-ahead log. Every accepted command is appended and fsynced here before it is
 * acknowledged; replaying the journal on start rebuilds the in-memory state.
 *
 * <p>Records are opaque byte arrays numbered from 1 without gaps. They live in segment files of
 * bounded size so that {@link #compactUpTo} can drop what a snapshot made redundant by deleting
 * whole files. Appends are only buffered; {@link #commit()} writes them and fsyncs once, because
 * one fsync per command would cap the engine at a few hundred commands a second.
 *
 * <p>Not thread-safe: one thread appends, commits and compacts, and {@link #replay} runs before
 * the first append.
 */
public final class Journal implements AutoCloseable {

  static final int DEFAULT_SEGMENT_BYTES = 64 << 20;
  private static final int WRITE_BUFFER_BYTES = 1 << 20;
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

  private final Path dir;
  private final int segmentBytes;
  private final List<Segment> segments;
  private final List<byte[]> pending = new ArrayList<>();
  private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER_BYTES);
  private final PositionedChecksum checksum = new PositionedChecksum();
  private final Timer commitTimer;
  private final DistributionSummary commitRecords;
  private final Counter appendedBytes;
  private FileChannel active;
  private long activeBytes;
  private long lastPosition;
  private long committedPosition;
  private IOException failure;
  private boolean closed;

  private Journal(
      Path dir, int segmentBytes, List<Segment> segments, long lastPosition, MeterRegistry registry)
      throws IOException {
    this.dir = dir;
    this.segmentBytes = segmentBytes;
    this.segments = segments;
    this.lastPosition = lastPosition;
    this.committedPosition = lastPosition;
    final Path lastSegment = segments.get(segments.size() - 1).file();
    this.active = FileChannel.open(lastSegment, StandardOpenOption.WRITE);
    this.activeBytes = active.size();
    active.position(activeBytes);
    this.commitTimer =
        Timer.builder("learnops.engine.journal.commit")
            .description("Write and fsync of one group commit")
            .publishPercentileHistogram()
            .register(registry);
    this.commitRecords =
        DistributionSummary.builder("learnops.engine.journal.commit.records")
            .description("Records made durable by one group commit")
            .register(registry);
    this.appendedBytes =
        Counter.builder("learnops.engine.journal.appended.bytes")
            .description("Bytes written to the journal, frame headers included")
            .baseUnit("bytes")
            .register(registry);
  }

  /**
   * Opens or creates the journal in {@code dir}. Every segment is read and checked first; a torn
   * tail of the last segment is cut off (and logged), any other damage throws.
   *
   * @throws JournalCorruptedException if records that may have been acknowledged are damaged or
   *     missing; no file was changed
   */
  public static Journal open(Path dir, MeterRegistry registry) throws IOException {
    return open(dir, registry, DEFAULT_SEGMENT_BYTES);
  }

  /** As {@link #open(Path, MeterRegistry)}, with a segment size small enough for tests to roll. */
  static Journal open(Path dir, MeterRegistry registry, int segmentBytes) throws IOException {
    Files.createDirectories(dir);
    final List<Segment> segments = new ArrayList<>(Segment.listIn(dir));
    if (segments.isEmpty()) {
      final Segment first = Segment.in(dir, 1);
      createFile(first).close();
      segments.add(first);
    }
    final long lastPosition = JournalRecovery.recover(segments);
    return new Journal(dir, segmentBytes, segments, lastPosition, registry);
  }

  /** Position of the last record appended, committed or not; 0 when there is none. */
  public long lastPosition() {
    return lastPosition;
  }

  /**
   * Buffers one record. It is not durable until {@link #commit()} returns. The payload is kept by
   * reference to spare a copy, so the caller must not change it before then.
   *
   * @return the record's position, one more than the previous record's
   */
  public long append(byte[] payload) {
    ensureWritable();
    Objects.requireNonNull(payload, "payload");
    if (payload.length > Frame.MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("Payload of " + payload.length + " bytes is too large");
    }
    pending.add(payload);
    return ++lastPosition;
  }

  /**
   * Group commit: writes every buffered record and fsyncs once, plus once for each segment that
   * fills up on the way. Does nothing when nothing is buffered.
   *
   * <p>After a failure the file may end in a partial write and, after a failed fsync, the kernel
   * may have dropped dirty pages; writing on could bury that damage under later records. So the
   * journal refuses further appends and commits, and must be reopened, which cuts off the torn
   * tail.
   *
   * @throws UncheckedIOException if writing or syncing failed; none of the buffered records may
   *     be acknowledged
   */
  public void commit() {
    ensureWritable();
    if (pending.isEmpty()) {
      return;
    }
    final long started = System.nanoTime();
    final long bytes;
    try {
      bytes = writePending();
      active.force(false);
    } catch (IOException e) {
      failure = e;
      throw new UncheckedIOException("Journal commit failed in " + dir + "; reopen the journal", e);
    }
    commitTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    commitRecords.record(pending.size());
    appendedBytes.increment(bytes);
    committedPosition = lastPosition;
    pending.clear();
  }

  /**
   * Hands every record with a position greater than {@code afterPosition} to {@code consumer}, in
   * order.
   *
   * @throws IllegalArgumentException if records after {@code afterPosition} were compacted away
   * @throws JournalCorruptedException if a segment was damaged after the journal was opened
   */
  public void replay(long afterPosition, RecordConsumer consumer) throws IOException {
    ensureOpen();
    requireNotCompacted(afterPosition);
    for (int i = redundantSegments(afterPosition); i < segments.size(); i++) {
      final SegmentReader.Result result =
          SegmentReader.read(
              segments.get(i),
              (position, payload) -> {
                if (position > afterPosition) {
                  consumer.accept(position, payload);
                }
              });
      if (result.damage().isPresent()) {
        throw result.damage().get().toException();
      }
    }
  }

  /**
   * Deletes the segments whose records are all at or below {@code position}, typically the
   * position of a snapshot just written. The active segment always stays, so the journal keeps
   * knowing its last position. Oldest segments go first so that a crash midway still leaves a
   * journal without gaps.
   */
  public void compactUpTo(long position) throws IOException {
    ensureOpen();
    final int redundant = redundantSegments(position);
    for (int i = 0; i < redundant; i++) {
      Files.delete(segments.remove(0).file());
    }
    if (redundant > 0) {
      FileSync.directory(dir);
    }
  }

  /** Closes the active segment. Records appended but not committed are discarded. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!pending.isEmpty()) {
      LOG.warn("Closing journal {} discards {} uncommitted records", dir, pending.size());
      pending.clear();
    }
    try {
      active.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not close journal in " + dir, e);
    }
  }

  /** Receives replayed records. */
  @FunctionalInterface
  public interface RecordConsumer {
    void accept(long position, byte[] payload);
  }

  private long writePending() throws IOException {
    long position = committedPosition;
    long written = 0;
    for (final byte[] payload : pending) {
      position++;
      final long frameBytes = Frame.sizeOf(payload.length);
      if (activeBytes > 0 && activeBytes + frameBytes > segmentBytes) {
        roll(position);
      }
      encode(position, payload);
      activeBytes += frameBytes;
      written += frameBytes;
    }
    drain();
    return written;
  }

  private void encode(long position, byte[] payload) throws IOException {
    if (writeBuffer.remaining() < Frame.HEADER_BYTES) {
      drain();
    }
    Frame.putHeader(writeBuffer, position, payload.length, checksum.of(position, payload));
    int offset = 0;
    while (offset < payload.length) {
      if (!writeBuffer.hasRemaining()) {
        drain();
      }
      final int chunk = Math.min(writeBuffer.remaining(), payload.length - offset);
      writeBuffer.put(payload, offset, chunk);
      offset += chunk;
    }
  }

  private void drain() throws IOException {
    writeBuffer.flip();
    while (writeBuffer.hasRemaining()) {
      active.write(writeBuffer);
    }
    writeBuffer.clear();
  }

  /**
   * Starts a new segment whose first record is {@code firstPosition}. The full segment is synced
   * before the new one exists, so only the last segment can ever end in a torn write, and
   * recovery may treat damage anywhere else as corruption.
   */
  private void roll(long firstPosition) throws IOException {
    drain();
    active.force(false);
    active.close();
    final Segment next = Segment.in(dir, firstPosition);
    active = createFile(next);
    segments.add(next);
    activeBytes = 0;
  }

  private static FileChannel createFile(Segment segment) throws IOException {
    final FileChannel channel =
        FileChannel.open(segment.file(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    FileSync.directory(segment.file().getParent());
    return channel;
  }

  /** How many leading segments hold only records at or below {@code position}; never the last. */
  private int redundantSegments(long position) {
    int count = 0;
    while (count + 1 < segments.size() && segments.get(count + 1).firstPosition() - 1 <= position) {
      count++;
    }
    return count;
  }

  private void requireNotCompacted(long afterPosition) {
    final long firstKept = segments.get(0).firstPosition();
    if (afterPosition < firstKept - 1) {
      throw new IllegalArgumentException(
          String.format(
              "Cannot replay after position %d: records up to %d were compacted away",
              afterPosition, firstKept - 1));
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("Journal in " + dir + " is closed");
    }
  }

  private void ensureWritable() {
    ensureOpen();
    if (failure != null) {
      throw new IllegalStateException(
          "Journal in " + dir + " failed to commit earlier; reopen it", failure);
    }
  }
}
