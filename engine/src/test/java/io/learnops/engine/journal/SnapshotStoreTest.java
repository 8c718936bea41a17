package io.learnops.engine.journal;

import static io.learnops.engine.journal.JournalFiles.appendBytes;
import static io.learnops.engine.journal.JournalFiles.flipByte;
import static io.learnops.engine.journal.JournalFiles.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {

  @TempDir Path dir;

  @Test
  void givenAnEmptyStore_whenAskedForTheLatest_thenThereIsNone() throws Exception {
    assertThat(SnapshotStore.open(dir).latest()).isEmpty();
  }

  @Test
  void givenWrittenSnapshots_whenTheStoreIsReopened_thenTheNewestIsTheLatest() throws Exception {
    final SnapshotStore store = SnapshotStore.open(dir);
    store.write(snapshot(10));
    store.write(snapshot(20));

    assertThat(SnapshotStore.open(dir).latest()).contains(snapshot(20));
    assertThat(dir.resolve("snapshot-00000000000000000020.bin")).exists();
  }

  @Test
  void givenThreeSnapshots_whenTheThirdIsWritten_thenOnlyTheNewestTwoAreKept() throws Exception {
    final SnapshotStore store = SnapshotStore.open(dir);
    store.write(snapshot(10));
    store.write(snapshot(20));
    store.write(snapshot(30));

    assertThat(filesIn(dir))
        .containsExactlyInAnyOrder(
            "snapshot-00000000000000000020.bin", "snapshot-00000000000000000030.bin");
  }

  @Test
  void givenTheNewestSnapshotFailsItsChecksum_whenAskedForTheLatest_thenTheOlderIsUsedWithAWarning()
      throws Exception {
    final SnapshotStore store = SnapshotStore.open(dir);
    store.write(snapshot(10));
    store.write(snapshot(20));
    final Path newest = dir.resolve("snapshot-00000000000000000020.bin");
    flipByte(newest, Files.size(newest) - 1);

    try (CapturedLog log = CapturedLog.of(SnapshotStore.class)) {
      assertThat(store.latest()).contains(snapshot(10));
      assertThat(log.warnings())
          .singleElement()
          .asString()
          .contains(newest.toString(), "checksum mismatch");
    }
  }

  @Test
  void givenTheNewestSnapshotCutShort_whenAskedForTheLatest_thenTheOlderIsUsed() throws Exception {
    final SnapshotStore store = SnapshotStore.open(dir);
    store.write(snapshot(10));
    store.write(snapshot(20));
    truncate(dir.resolve("snapshot-00000000000000000020.bin"), 9);

    assertThat(store.latest()).contains(snapshot(10));
  }

  @Test
  void givenATempFileLeftByACrashMidWrite_whenOpened_thenItIsDeletedAndNeverRead()
      throws Exception {
    SnapshotStore.open(dir).write(snapshot(10));
    final Path leftover = dir.resolve("snapshot-00000000000000000020.bin.tmp");
    Files.createFile(leftover);
    appendBytes(leftover, "half a snapshot".getBytes(StandardCharsets.US_ASCII));

    final SnapshotStore store = SnapshotStore.open(dir);

    assertThat(leftover).doesNotExist();
    assertThat(store.latest()).contains(snapshot(10));
  }

  @Test
  void givenOnlyDamagedSnapshots_whenAskedForTheLatest_thenThereIsNone() throws Exception {
    final SnapshotStore store = SnapshotStore.open(dir);
    store.write(snapshot(10));
    truncate(dir.resolve("snapshot-00000000000000000010.bin"), 0);

    assertThat(store.latest()).isEmpty();
  }

  private static Snapshot snapshot(long position) {
    return new Snapshot(position, ("state at " + position).getBytes(StandardCharsets.US_ASCII));
  }

  private static Stream<String> filesIn(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).toList().stream();
    }
  }
}
