package io.learnops.engine.journal;

import java.util.Arrays;
import java.util.Objects;

/**
 * The engine's serialized state as of a journal position: restoring it and replaying the journal
 * after {@code position} gives the same state as replaying from the start.
 */
public record Snapshot(long position, byte[] state) {

  public Snapshot {
    if (position < 0) {
      throw new IllegalArgumentException("Snapshot position must not be negative: " + position);
    }
    Objects.requireNonNull(state, "state");
  }

  /** Compares the state's content, not the array's identity, as the record default would. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Snapshot that
        && position == that.position
        && Arrays.equals(state, that.state);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(position) + Arrays.hashCode(state);
  }

  @Override
  public String toString() {
    return "Snapshot[position=" + position + ", " + state.length + " bytes]";
  }
}
