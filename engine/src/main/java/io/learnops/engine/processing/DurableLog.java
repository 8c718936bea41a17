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

  /** Keeps nothing: an engine that forgets everything when it stops. */
  static DurableLog inMemory() {
    return new DurableLog() {
      private long position;

      @Override
      public long append(byte[] entry) {
        return ++position;
      }

      @Override
      public void commit() {}

      @Override
      public long lastPosition() {
        return position;
      }

      @Override
      public void replay(long afterPosition, EntryConsumer consumer) {}

      @Override
      public Optional<StoredSnapshot> latestSnapshot() {
        return Optional.empty();
      }

      @Override
      public void writeSnapshot(long position, byte[] state) {}

      @Override
      public void close() {}
    };
  }
}
