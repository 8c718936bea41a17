package io.learnops.engine.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** fsync for directories, which the JDK offers no direct call for. */
final class FileSync {

  private FileSync() {}

  /**
   * Makes creations, renames and deletions in {@code dir} durable. Without it a file that was
   * itself fsynced can still vanish in a crash, because its directory entry was not.
   */
  static void directory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
