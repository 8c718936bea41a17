package io.learnops.workers.delivery;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.learnops.workers.ports.SessionCalendar;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.delivery.schedule-sessions}: books the sessions through the
 * {@link SessionCalendar} port (idempotent per program) and returns them with the end of the
 * last one as {@code deliveryEnd}, the due date for on-time completion.
 */
@Component
public class ScheduleSessionsWorker {

  static final String TYPE = "learnops.delivery.schedule-sessions";

  private final SessionCalendar calendar;

  public ScheduleSessionsWorker(SessionCalendar calendar) {
    this.calendar = calendar;
  }

  @JobWorker(type = TYPE, fetchVariables = {"programId", "courseId", "deliveryFormat"})
  public Result scheduleSessions(@Variable(name = "programId") String programId,
      @Variable(name = "courseId") Long courseId,
      @Variable(name = "deliveryFormat") String deliveryFormat) {
    List<SessionCalendar.Session> booked = calendar.schedule(programId, courseId, deliveryFormat);
    if (booked.isEmpty()) {
      throw new IllegalStateException("no session scheduled for program " + programId);
    }
    List<Session> sessions = booked.stream()
        .sorted(Comparator.comparing(SessionCalendar.Session::start))
        .map(s -> new Session(s.start().toString(), s.end().toString(), s.location()))
        .toList();
    String deliveryEnd = booked.stream().map(SessionCalendar.Session::end)
        .max(Comparator.naturalOrder()).orElseThrow().toString();
    return new Result(sessions, deliveryEnd);
  }

  public record Session(String start, String end, String location) {
  }

  public record Result(List<Session> sessions, String deliveryEnd) {
  }
}
