package io.learnops.engine.journal;

import io.learnops.engine.processing.DurableLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The durable log of a data directory: {@code journal/} holds the command journal,
 * {@code snapshots/} the state snapshots. Writing a snapshot compacts the journal up to it.
 */
public final class JournalLog implements DurableLog {

  private final DataDirectoryLock lock;
  private final Journal journal;
  private final SnapshotStore snapshots;

  private JournalLog(DataDirectoryLock lock, Journal journal, SnapshotStore snapshots) {
    this.lock = lock;
    this.journal = journal;
    this.snapshots = snapshots;
  }

  public static JournalLog open(Path dataDir, MeterRegistry registry) throws IOException {
    Files.createDirectories(dataDir);
    final DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
    try {
      return new JournalLog(lock,
          Journal.open(dataDir.resolve("journal"), registry), SnapshotStore.open(dataDir.resolve("snapshots")));
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  @Override
  public long append(byte[] entry) {
    return journal.append(entry);
  }

  @Override
  public void commit() {
    journal.commit();
  }

  @Override
  public long lastPosition() {
    return journal.lastPosition();
  }

  @Override
  public void replay(long afterPosition, EntryConsumer consumer) throws IOException {
    journal.replay(afterPosition, consumer::accept);
  }

  @Override
  public Optional<StoredSnapshot> latestSnapshot() throws IOException {
    return snapshots.latest().map(s -> new StoredSnapshot(s.position(), s.state()));
  }

  @Override
  public void writeSnapshot(long position, byte[] state) throws IOException {
    journal.commit();
    snapshots.write(new Snapshot(position, state));
    journal.compactUpTo(position);
  }

  @Override
  public void close() {
    try {
      journal.commit();
    } catch (UncheckedIOException e) {
      // already reported by the processor; closing must still release the files
    }
    journal.close();
    lock.close();
  }
}
