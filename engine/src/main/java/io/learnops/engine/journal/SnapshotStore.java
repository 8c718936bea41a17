package io.learnops.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the newest snapshots of the engine state, so that a restart replays only the journal after
 * the snapshot's position.
 *
 * <p>A snapshot file is {@code snapshot-<20-digit position>.bin}: a header of magic, position,
 * state length and CRC32C (over position, length and state), then the state. It is written to a
 * temporary file and renamed into place, so a crash leaves either the whole snapshot or none. The
 * previous snapshot is kept as a fallback in case the newest one is damaged later.
 */
public final class SnapshotStore {

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
  private static final Pattern NAME = Pattern.compile("snapshot-(\\d{20})\\.bin");
  private static final String TEMP_SUFFIX = ".tmp";
  private static final int MAGIC = 0x4C4F5301;
  private static final int HEADER_BYTES =
      Integer.BYTES + Long.BYTES + Integer.BYTES + Integer.BYTES;
  private static final int KEPT = 2;

  private final Path dir;
  private final PositionedChecksum checksum = new PositionedChecksum();

  private SnapshotStore(Path dir) {
    this.dir = dir;
  }

  /** Opens or creates the store, deleting temporary files left by a crash during a write. */
  public static SnapshotStore open(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(dir)) {
      for (final Path leftover : files.filter(SnapshotStore::isTemporary).toList()) {
        LOG.info("Deleting {}, left over from a snapshot write that did not finish", leftover);
        Files.delete(leftover);
      }
    }
    return new SnapshotStore(dir);
  }

  /**
   * The newest snapshot that checks out. A damaged one is skipped with a warning and the one
   * before it used, since replaying a longer stretch of journal is better than not starting.
   */
  public Optional<Snapshot> latest() throws IOException {
    for (final Path file : snapshotsNewestFirst()) {
      final Optional<Snapshot> snapshot = read(file);
      if (snapshot.isPresent()) {
        return snapshot;
      }
    }
    return Optional.empty();
  }

  /**
   * Writes {@code snapshot} durably and atomically (temporary file, fsync, rename, fsync of the
   * directory), then deletes all but the newest {@value #KEPT} snapshots.
   */
  public void write(Snapshot snapshot) throws IOException {
    final Path target = dir.resolve(String.format("snapshot-%020d.bin", snapshot.position()));
    final Path temporary = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
    try (FileChannel channel =
        FileChannel.open(
            temporary,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      writeFully(channel, header(snapshot));
      writeFully(channel, ByteBuffer.wrap(snapshot.state()));
      channel.force(true);
    }
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    FileSync.directory(dir);
    deleteAllButNewest();
  }

  private ByteBuffer header(Snapshot snapshot) {
    final byte[] state = snapshot.state();
    return ByteBuffer.allocate(HEADER_BYTES)
        .putInt(MAGIC)
        .putLong(snapshot.position())
        .putInt(state.length)
        .putInt(checksum.of(snapshot.position(), state))
        .flip();
  }

  private Optional<Snapshot> read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      final long stateBytes = channel.size() - HEADER_BYTES;
      if (stateBytes < 0) {
        return skip(file, "only " + channel.size() + " bytes, fewer than the header");
      }
      final Header header = Header.read(readFully(channel, HEADER_BYTES));
      final Optional<String> problem = header.problem(positionOf(file), stateBytes);
      if (problem.isPresent()) {
        return skip(file, problem.get());
      }
      final byte[] state = readFully(channel, header.length()).array();
      if (checksum.of(header.position(), state) != header.checksum()) {
        return skip(file, "checksum mismatch");
      }
      return Optional.of(new Snapshot(header.position(), state));
    }
  }

  private static Optional<Snapshot> skip(Path file, String problem) {
    LOG.warn("Skipping damaged snapshot {} ({}); falling back to an older one", file, problem);
    return Optional.empty();
  }

  private void deleteAllButNewest() throws IOException {
    final List<Path> snapshots = snapshotsNewestFirst();
    for (final Path old : snapshots.subList(Math.min(KEPT, snapshots.size()), snapshots.size())) {
      Files.delete(old);
    }
  }

  private List<Path> snapshotsNewestFirst() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(file -> NAME.matcher(file.getFileName().toString()).matches())
          .sorted(Comparator.comparingLong(SnapshotStore::positionOf).reversed())
          .toList();
    }
  }

  private static long positionOf(Path file) {
    final Matcher name = NAME.matcher(file.getFileName().toString());
    if (!name.matches()) {
      throw new IllegalArgumentException("Not a snapshot file: " + file);
    }
    return Long.parseLong(name.group(1));
  }

  private static boolean isTemporary(Path file) {
    final String name = file.getFileName().toString();
    return name.endsWith(TEMP_SUFFIX)
        && NAME.matcher(name.substring(0, name.length() - TEMP_SUFFIX.length())).matches();
  }

  private record Header(int magic, long position, int length, int checksum) {

    static Header read(ByteBuffer bytes) {
      return new Header(bytes.getInt(), bytes.getLong(), bytes.getInt(), bytes.getInt());
    }

    Optional<String> problem(long namedPosition, long stateBytes) {
      if (magic != MAGIC) {
        return Optional.of(String.format("unknown magic 0x%08x", magic));
      }
      if (position != namedPosition) {
        return Optional.of(
            "header says position " + position + ", the file name " + namedPosition);
      }
      if (length != stateBytes) {
        return Optional.of(
            "header says " + length + " state bytes, the file holds " + stateBytes);
      }
      return Optional.empty();
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  private static ByteBuffer readFully(FileChannel channel, int length) throws IOException {
    final ByteBuffer bytes = ByteBuffer.allocate(length);
    while (bytes.hasRemaining()) {
      if (channel.read(bytes) < 0) {
        throw new IOException("Snapshot file ended early while reading " + length + " bytes");
      }
    }
    return bytes.flip();
  }
}
