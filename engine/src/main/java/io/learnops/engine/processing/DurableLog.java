package io.learnops.engine.processing;

import java.io.IOException;
import java.util.Optional;

/**
 * Where accepted commands and state snapshots are kept. The journal-backed log makes the engine
 * survive {@code kill -9}; the in-memory one serves tests and throwaway engines.
 */
public interface DurableLog extends AutoCloseable {

  /** Buffers an entry; returns its position. */
  long append(byte[] entry);

  /** Makes every buffered entry durable (one fsync for the whole batch). */
  void commit();

  long lastPosition();

  void replay(long afterPosition, EntryConsumer consumer) throws IOException;

  Optional<StoredSnapshot> latestSnapshot() throws IOException;

  /** Stores a snapshot of the state at {@code position} and drops what it makes redundant. */
  void writeSnapshot(long position, byte[] state) throws IOException;

  @Override
  void close();

  @FunctionalInterface
  interface EntryConsumer {
    void accept(long position, byte[] entry);
  }

  record StoredSnapshot(long position, byte[] state) {}

  /**
   * Keeps the latest snapshot and the entries after it in memory: an engine that forgets
   * everything when it stops, but can still rebuild its state after a command failed.
   */
  static DurableLog inMemory() {
    return new DurableLog() {
      private final java.util.NavigableMap<Long, byte[]> entries = new java.util.concurrent.ConcurrentSkipListMap<>();
      private volatile StoredSnapshot snapshot;
      private long position;

      @Override
      public long append(byte[] entry) {
        entries.put(++position, entry);
        return position;
      }

      @Override
      public void commit() {}

      @Override
      public long lastPosition() {
        return position;
      }

      @Override
      public void replay(long afterPosition, EntryConsumer consumer) throws IOException {
        for (final var entry : entries.tailMap(afterPosition, false).entrySet()) {
          consumer.accept(entry.getKey(), entry.getValue());
        }
      }

      @Override
      public Optional<StoredSnapshot> latestSnapshot() {
        return Optional.ofNullable(snapshot);
      }

      @Override
      public void writeSnapshot(long position, byte[] state) {
        snapshot = new StoredSnapshot(position, state);
        entries.headMap(position, true).clear();
      }

      @Override
      public void close() {}
    };
  }
}
