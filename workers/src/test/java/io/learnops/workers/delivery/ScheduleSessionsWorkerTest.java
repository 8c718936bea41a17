package io.learnops.workers.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnops.workers.ports.SessionCalendar.Session;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleSessionsWorkerTest {

  private static Session session(String start, String end) {
    return new Session(Instant.parse(start), Instant.parse(end), "Room 1");
  }

  @Test
  void returns_the_sessions_in_order_and_the_end_of_the_last_as_delivery_end() {
    var worker = new ScheduleSessionsWorker((programId, courseId, format) -> List.of(
        session("2026-04-20T09:00:00Z", "2026-04-20T17:00:00Z"),
        session("2026-04-06T09:00:00Z", "2026-04-06T12:00:00Z")));

    var result = worker.scheduleSessions("P-1", 42L, "classroom");

    assertThat(result.sessions()).extracting(ScheduleSessionsWorker.Session::start)
        .containsExactly("2026-04-06T09:00:00Z", "2026-04-20T09:00:00Z");
    assertThat(result.deliveryEnd()).isEqualTo("2026-04-20T17:00:00Z");
  }

  @Test
  void no_session_is_a_failure_not_an_empty_schedule() {
    var worker = new ScheduleSessionsWorker((programId, courseId, format) -> List.of());

    assertThatThrownBy(() -> worker.scheduleSessions("P-1", 42L, "virtual"))
        .isInstanceOf(IllegalStateException.class);
  }
}
