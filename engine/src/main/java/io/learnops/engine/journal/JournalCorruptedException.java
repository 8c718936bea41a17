package io.learnops.engine.journal;

import java.nio.file.Path;

/**
 * The journal holds damage that is not a torn tail, so opening it would mean losing or inventing
 * acknowledged records. The engine must not start; an operator has to restore or repair the
 * named file. Nothing was truncated or deleted when this is thrown.
 */
public final class JournalCorruptedException extends RuntimeException {

  private final transient Path file;
  private final long offset;
  private final long position;

  JournalCorruptedException(Path file, long offset, long position, String problem) {
    super(
        String.format(
            "Journal file %s is corrupted at byte offset %d (record position %d): %s. "
                + "Nothing was truncated; restore the file or repair the journal before starting.",
            file, offset, position, problem));
    this.file = file;
    this.offset = offset;
    this.position = position;
  }

  public Path file() {
    return file;
  }

  /** Byte offset in {@link #file()} where the damaged or unexpected frame starts. */
  public long offset() {
    return offset;
  }

  /** The record position that was expected at {@link #offset()}. */
  public long position() {
    return position;
  }
}
