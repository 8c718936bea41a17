package io.learnops.engine.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second engine off a data directory that one engine already writes: two writers would
 * interleave their journal records and corrupt it. The operating system releases the lock when
 * the process dies, so a {@code kill -9} never leaves a stale lock behind.
 */
final class DataDirectoryLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static DataDirectoryLock acquire(Path dataDir) throws IOException {
    final FileChannel channel = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      final FileLock lock = channel.tryLock();
      if (lock != null) {
        return new DataDirectoryLock(channel, lock);
      }
    } catch (OverlappingFileLockException sameProcess) {
      // another engine in this JVM holds it
    }
    channel.close();
    throw new IOException("The data directory %s is in use by another running engine; stop it first or use another --data-dir"
        .formatted(dataDir.toAbsolutePath()));
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the lock goes with the process anyway
    }
  }
}
