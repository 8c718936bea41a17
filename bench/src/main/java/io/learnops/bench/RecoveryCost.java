package io.learnops.bench;

import io.learnops.engine.journal.Snapshot;
import io.learnops.engine.journal.SnapshotStore;
import io.learnops.engine.processing.SnapshotCodec;
import io.learnops.engine.read.ReadModel;
import io.learnops.engine.state.EngineState;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The two steps of a restart from a snapshot, timed apart on the snapshot a clean stop wrote:
 * decoding it into the engine state, and seeding the read model from that state. (The journal
 * after a clean stop is empty, so replay costs nothing.)
 */
record RecoveryCost(long decodeMillis, long seedMillis) {

  static RecoveryCost of(Path snapshots) throws IOException {
    final Snapshot snapshot = SnapshotStore.open(snapshots).latest()
        .orElseThrow(() -> new IllegalStateException("no snapshot in " + snapshots));
    final long decodeStart = System.nanoTime();
    final EngineState state = new SnapshotCodec().decodeState(snapshot.position(), snapshot.state());
    final long seedStart = System.nanoTime();
    new ReadModel(ReadModel.DEFAULT_RETENTION).seed(state);
    final long end = System.nanoTime();
    return new RecoveryCost((seedStart - decodeStart) / 1_000_000, (end - seedStart) / 1_000_000);
  }
}
