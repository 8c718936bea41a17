package io.learnops.app.programs;

import java.util.Map;
import java.util.Optional;

/**
 * How a program's process ended. The learning-program process ends in one of four end events;
 * which one follows from the decisions it carries by then, so the outcome is read from those
 * variables rather than from the end event (a process-level end listener sees the process, not
 * the event).
 */
public enum ProgramOutcome {
  /** declined by the L&D owner, or an invalid request */
  NOT_ACCEPTED,
  /** waitlisted and never released */
  WAITLIST_EXPIRED,
  /** rejected in review */
  REJECTED,
  /** evaluated; the owner decided to continue it */
  CONTINUED,
  /** evaluated; an improvement request was opened */
  IMPROVED,
  /** evaluated and retired */
  RETIRED;

  /** From {@code programDecision}, {@code reviewOutcome} and {@code intakeDecision}, latest first. */
  static Optional<ProgramOutcome> of(Map<String, Object> variables) {
    final Object programDecision = variables.get("programDecision");
    if (programDecision != null) {
      return switch (programDecision.toString()) {
        case "continue" -> Optional.of(CONTINUED);
        case "improve" -> Optional.of(IMPROVED);
        case "retire" -> Optional.of(RETIRED);
        default -> Optional.empty();
      };
    }
    if ("rejected".equals(variables.get("reviewOutcome"))) {
      return Optional.of(REJECTED);
    }
    final Object intakeDecision = variables.get("intakeDecision");
    if ("waitlist".equals(intakeDecision)) {
      return Optional.of(WAITLIST_EXPIRED);
    }
    return "accept".equals(intakeDecision) ? Optional.empty() : Optional.of(NOT_ACCEPTED);
  }
}
