package io.learnops.app.delivery;

import io.learnops.workers.ports.SessionCalendar;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans sessions from the first Monday after the lead time ({@code learnops.sessions.lead-time},
 * default 14 days), 09:00 UTC: e-learning one 30-day availability window online, blended that window and a
 * classroom day two weeks in, virtual two
 * 2-hour sessions a week apart, classroom one 8-hour day. Stored in {@code program_session}; a
 * program already scheduled gets its stored sessions back.
 */
@Component
class JdbcSessionCalendar implements SessionCalendar {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Duration leadTime;

  JdbcSessionCalendar(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
      @Value("${learnops.sessions.lead-time:P14D}") Duration leadTime) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
    this.leadTime = leadTime;
  }

  @Override
  public List<Session> schedule(String programId, long courseId, String deliveryFormat) {
    final List<Session> booked = sessions(programId);
    if (!booked.isEmpty()) {
      return booked;
    }
    final List<Session> planned = plan(deliveryFormat);
    try {
      transactions.executeWithoutResult(status -> {
        for (int i = 0; i < planned.size(); i++) {
          jdbc.sql("""
                  insert into program_session (program_id, seq, course_id, starts_at, ends_at, location)
                  values (:id, :seq, :course, :start, :end, :location)""")
              .param("id", programId).param("seq", i + 1).param("course", courseId)
              .param("start", planned.get(i).start().atOffset(ZoneOffset.UTC))
              .param("end", planned.get(i).end().atOffset(ZoneOffset.UTC))
              .param("location", planned.get(i).location())
              .update();
        }
      });
      return planned;
    } catch (DuplicateKeyException concurrent) {
      return sessions(programId);
    }
  }

  List<Session> sessions(String programId) {
    return jdbc.sql("select starts_at, ends_at, location from program_session where program_id = :id order by seq")
        .param("id", programId)
        .query((rs, row) -> new Session(rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
            rs.getObject("ends_at", OffsetDateTime.class).toInstant(), rs.getString("location")))
        .list();
  }

  private List<Session> plan(String deliveryFormat) {
    final Instant first = clock.instant().plus(leadTime).atOffset(ZoneOffset.UTC)
        .with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(LocalTime.of(9, 0)).toInstant();
    final String format = deliveryFormat == null ? "e-learning" : deliveryFormat.toLowerCase(Locale.ROOT);
    final List<Session> sessions = new ArrayList<>();
    switch (format) {
      case "virtual" -> {
        sessions.add(new Session(first, first.plus(Duration.ofHours(2)), "online (virtual classroom)"));
        final Instant second = first.plus(Duration.ofDays(7));
        sessions.add(new Session(second, second.plus(Duration.ofHours(2)), "online (virtual classroom)"));
      }
      case "classroom" -> sessions.add(new Session(first, first.plus(Duration.ofHours(8)), "training centre"));
      case "blended" -> {
        sessions.add(new Session(first, first.plus(Duration.ofDays(30)), "online (LMS)"));
        final Instant day = first.plus(Duration.ofDays(14));
        sessions.add(new Session(day, day.plus(Duration.ofHours(8)), "training centre"));
      }
      default -> sessions.add(new Session(first, first.plus(Duration.ofDays(30)), "online (LMS)"));
    }
    return sessions;
  }
}
