package io.learnops.engine.model;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Computes when a timer falls due from its ISO 8601 definition: a duration ({@code PT15M},
 * {@code P3D}, {@code P1M}), a date ({@code 2026-12-01T09:00:00Z}) or a cycle ({@code R3/PT1H},
 * {@code R/P1D}, {@code R2/2026-12-01T09:00:00Z/PT1H}).
 */
public record TimerSchedule(long dueDate, int repetitions, long intervalMillis) {

  /** @throws RuntimeException with the reason if the value is not a valid ISO 8601 timer */
  public static TimerSchedule of(TimerDefinition.Kind kind, Object value, long now) {
    final String text = String.valueOf(value).strip();
    return switch (kind) {
      case DURATION -> new TimerSchedule(plus(now, text), 1, 0);
      case DATE -> new TimerSchedule(date(text), 1, 0);
      case CYCLE -> cycle(text, now);
    };
  }

  private static TimerSchedule cycle(String text, long now) {
    final String[] parts = text.split("/");
    if (parts.length < 2 || !parts[0].startsWith("R")) {
      throw new IllegalArgumentException("'%s' is not an ISO 8601 repeating interval such as R3/PT1H".formatted(text));
    }
    final int repetitions = parts[0].length() == 1 ? -1 : Integer.parseInt(parts[0].substring(1));
    if (parts.length == 3) {
      final long start = date(parts[1]);
      final long interval = plus(start, parts[2]) - start;
      return new TimerSchedule(Math.max(start, now), repetitions, interval);
    }
    final long interval = plus(now, parts[1]) - now;
    return new TimerSchedule(now + interval, repetitions, interval);
  }

  /** The next due date of a cycle, or null when its repetitions are used up. */
  public static TimerSchedule next(TimerSchedule previous) {
    if (previous.repetitions == 1 || previous.intervalMillis <= 0) {
      return null;
    }
    final int remaining = previous.repetitions < 0 ? -1 : previous.repetitions - 1;
    return new TimerSchedule(previous.dueDate + previous.intervalMillis, remaining, previous.intervalMillis);
  }

  static long plus(long now, String isoDuration) {
    try {
      return now + Duration.parse(isoDuration).toMillis();
    } catch (DateTimeParseException notADuration) {
      final String text = isoDuration.toUpperCase();
      final int t = text.indexOf('T');
      final Period period = Period.parse(t < 0 ? text : text.substring(0, t));
      final Duration time = t < 0 ? Duration.ZERO : Duration.parse("P" + text.substring(t));
      return ZonedDateTime.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC).plus(period).plus(time)
          .toInstant().toEpochMilli();
    }
  }

  static long date(String text) {
    try {
      return ZonedDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    }
  }
}
