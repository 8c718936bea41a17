package io.learnops.bench;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The engine's own journal meters at one moment. The difference of two readings shows whether a
 * phase was bound by fsync (few, slow group commits) or by processing (large batches).
 */
record JournalStats(long commits, double commitSeconds, double records, long nanos) {

  static JournalStats read(MeterRegistry registry) {
    final Timer commit = registry.get("learnops.engine.journal.commit").timer();
    final DistributionSummary records = registry.get("learnops.engine.journal.commit.records").summary();
    return new JournalStats(commit.count(), commit.totalTime(TimeUnit.SECONDS), records.totalAmount(), System.nanoTime());
  }

  Activity since(JournalStats earlier) {
    final long commitCount = commits - earlier.commits;
    final double seconds = (nanos - earlier.nanos) / 1e9;
    final double recordCount = records - earlier.records;
    final double busySeconds = commitSeconds - earlier.commitSeconds;
    return new Activity(commitCount / seconds, recordCount / seconds,
        commitCount == 0 ? 0 : recordCount / commitCount,
        commitCount == 0 ? 0 : busySeconds * 1000 / commitCount,
        busySeconds / seconds);
  }

  /**
   * @param commitShare the fraction of wall time the journal writer thread spent writing and
   *     fsyncing, during which it processes nothing
   */
  record Activity(double commitsPerSecond, double recordsPerSecond, double recordsPerCommit,
      double meanCommitMillis, double commitShare) {}
}
