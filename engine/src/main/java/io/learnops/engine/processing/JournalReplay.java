package io.learnops.engine.processing;

import io.learnops.engine.bpmn.Effects.Written;
import io.learnops.engine.record.Record;
import io.learnops.engine.record.RecordValue;
import io.learnops.engine.state.EngineState;
import io.learnops.engine.state.EventAppliers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rebuilds the state from the latest snapshot and the journal after it by applying the records
 * each entry holds; processing never runs again. Used at start-up and to take back a command
 * whose processing failed.
 */
final class JournalReplay {

  private final DurableLog log;
  private final CommandCodec codec;
  private final SnapshotCodec snapshots;

  JournalReplay(DurableLog log, CommandCodec codec, SnapshotCodec snapshots) {
    this.log = log;
    this.codec = codec;
    this.snapshots = snapshots;
  }

  /** The latest snapshot's state and position, or an empty state at position 0. */
  Base base() throws IOException {
    final var snapshot = log.latestSnapshot();
    if (snapshot.isPresent() && snapshot.get().position() > log.lastPosition()) {
      throw new IllegalStateException(("The journal ends at position %d, before the snapshot at position %d: journal files "
          + "are missing from the data directory. Restore them, or start on an empty directory.")
          .formatted(log.lastPosition(), snapshot.get().position()));
    }
    return snapshot.map(s -> new Base(snapshots.decodeState(s.position(), s.state()), s.position()))
        .orElseGet(() -> new Base(new EngineState(), 0));
  }

  record Base(EngineState state, long position) {}

  /**
   * Applies every journal entry after {@code position}, in order; {@code applied} gets each
   * entry's records with their positions. Returns how many entries were applied.
   */
  long replay(long position, EngineState state, EventAppliers appliers, Consumer<List<Record<?>>> applied)
      throws IOException {
    final long[] count = {0};
    log.replay(position, (entryPosition, bytes) -> {
      applied.accept(apply(decode(entryPosition, bytes), state, appliers));
      count[0]++;
    });
    return count[0];
  }

  /** Reads an entry this engine can apply, or says clearly why it cannot. */
  JournalEntry decode(long position, byte[] bytes) {
    final JournalEntry entry = codec.decode(bytes);
    if (entry.format() != JournalEntry.FORMAT) {
      throw new IllegalStateException(("The journal entry at position %d was written in format %d (%s); this engine "
          + "reads format %d (the records each command wrote) and will not guess at it. Start on an empty data "
          + "directory (the instances in this one are not carried over), or go on with the engine release that wrote "
          + "it.").formatted(position, Math.max(entry.format(), 1),
          entry.format() <= 1 ? "the commands alone, replayed through processing" : "unknown to this engine",
          JournalEntry.FORMAT));
    }
    return entry;
  }

  /** Applies an entry's records to the state and gives them their positions. */
  static List<Record<?>> apply(JournalEntry entry, EngineState state, EventAppliers appliers) {
    final List<Record<?>> records = new ArrayList<>(entry.records().size());
    for (final Written written : entry.records()) {
      appliers.apply(written.key(), written.intent(), written.value(), entry.timestamp());
      records.add(new Record<RecordValue>(++state.recordPosition, written.key(), entry.timestamp(), written.intent(),
          written.value()));
    }
    state.keyCounter = entry.keyCounter();
    return records;
  }
}
