package io.learnops.engine.records;

import io.learnops.engine.processing.DurableLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A durable log that lives in memory beyond the processor that wrote it, so a test can start a
 * second processor on it as if after a restart. {@link #crashOnClose()} makes the next close keep
 * no snapshot, as when the process is killed.
 */
final class RetainedLog implements DurableLog {

  private final List<byte[]> entries = new ArrayList<>();
  private Optional<StoredSnapshot> snapshot = Optional.empty();
  private boolean crashing;

  void crashOnClose() {
    crashing = true;
  }

  /** Starts the next life of the log: snapshots are kept again. */
  void restart() {
    crashing = false;
  }

  @Override
  public synchronized long append(byte[] entry) {
    entries.add(entry);
    return entries.size();
  }

  @Override
  public void commit() {}

  @Override
  public synchronized long lastPosition() {
    return entries.size();
  }

  @Override
  public synchronized void replay(long afterPosition, EntryConsumer consumer) {
    for (int i = (int) afterPosition; i < entries.size(); i++) {
      consumer.accept(i + 1, entries.get(i));
    }
  }

  @Override
  public synchronized Optional<StoredSnapshot> latestSnapshot() {
    return snapshot;
  }

  @Override
  public synchronized void writeSnapshot(long position, byte[] state) {
    if (!crashing) {
      snapshot = Optional.of(new StoredSnapshot(position, state));
    }
  }

  @Override
  public void close() {}
}
