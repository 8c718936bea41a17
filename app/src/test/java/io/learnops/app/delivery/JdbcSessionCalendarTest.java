package io.learnops.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.app.support.TestDatabase;
import io.learnops.workers.ports.SessionCalendar.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcSessionCalendarTest {

  // a Wednesday; plus 14 days lead time, the next Monday is 2026-05-25
  private static final Instant NOW = Instant.parse("2026-05-06T10:00:00Z");

  private JdbcSessionCalendar calendar;
  private JdbcSessionCalendar later;

  @BeforeEach
  void database() {
    final TestDatabase db = TestDatabase.migrated();
    calendar = new JdbcSessionCalendar(db.jdbc(), db.transactions(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(14));
    later = new JdbcSessionCalendar(db.jdbc(), db.transactions(),
        Clock.fixed(NOW.plus(Duration.ofDays(30)), ZoneOffset.UTC), Duration.ofDays(14));
  }

  @Test
  void virtualDeliveryGetsTwoSessionsAWeekApartFromTheFirstMondayAfterTheLeadTime() {
    final List<Session> sessions = calendar.schedule("p-1", 7L, "virtual");

    assertThat(sessions).containsExactly(
        new Session(Instant.parse("2026-05-25T09:00:00Z"), Instant.parse("2026-05-25T11:00:00Z"), "online (virtual classroom)"),
        new Session(Instant.parse("2026-06-01T09:00:00Z"), Instant.parse("2026-06-01T11:00:00Z"), "online (virtual classroom)"));
  }

  @Test
  void schedulingTheSameProgramAgainReturnsTheSessionsBookedFirst() {
    // given e-learning scheduled once
    final List<Session> first = calendar.schedule("p-2", 7L, "e-learning");

    // when the job is repeated a month later (another clock, another format even)
    final List<Session> repeat = later.schedule("p-2", 7L, "classroom");

    // then the first booking comes back unchanged
    assertThat(first).hasSize(1);
    assertThat(repeat).isEqualTo(first);
    assertThat(Duration.between(first.get(0).start(), first.get(0).end())).isEqualTo(Duration.ofDays(30));
  }
}
