package io.learnops.app.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.app.support.TestDatabase;
import io.learnops.workers.ports.TaskTimings.TaskEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcTaskTimingsTest {

  private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");

  private JdbcTaskTimings timings;

  @BeforeEach
  void database() {
    timings = new JdbcTaskTimings(TestDatabase.migrated().jdbc());
  }

  @Test
  void aJobRecordedTwiceCountsOnceAndEventsComeInOrder() {
    // given the assigning job of a user task delivered twice, then its completing job
    timings.record(event(11L, "assigning", NOW.plusSeconds(60)));
    timings.record(event(11L, "assigning", NOW.plusSeconds(90)));
    timings.record(event(12L, "completing", NOW.plusSeconds(600)));

    // then the task has one event per job, the first delivery's
    assertThat(timings.events(500L)).containsExactly(
        new JdbcTaskTimings.RecordedEvent(11L, "assigning", "olivia", NOW.plusSeconds(60)),
        new JdbcTaskTimings.RecordedEvent(12L, "completing", "olivia", NOW.plusSeconds(600)));
  }

  private static TaskEvent event(long jobKey, String type, Instant at) {
    return new TaskEvent(jobKey, 500L, type, "DecideRequest", 77L, Optional.of("p-1"), Optional.of("olivia"),
        List.of("ld-owner"), Optional.of(NOW.plusSeconds(86_400)), at);
  }
}
