package io.learnops.workers.ports;

import java.time.Instant;
import java.util.List;

/**
 * Plans the live sessions of a course (or the availability window of e-learning) and books them
 * in the LMS calendar. The Moodle connector has no calendar functions yet, so the app provides
 * this. Scheduling the same {@code programId} again must return the sessions booked first.
 */
public interface SessionCalendar {

  List<Session> schedule(String programId, long courseId, String deliveryFormat);

  record Session(Instant start, Instant end, String location) {
  }
}
