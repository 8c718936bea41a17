package io.learnops.connectors.hris.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An HR change LearnOps reacts to: onboarding curricula on a hire, re-assignment on a transfer,
 * withdrawal on a termination, approver changes on a manager change.
 */
public sealed interface HrChangeEvent {

  /** The HRIS's employee id. */
  String employeeId();

  Instant occurredAt();

  /** {@code fields} holds whatever values the HRIS sent with the event (may be empty). */
  record Hire(String employeeId, Instant occurredAt, Map<String, String> fields)
      implements HrChangeEvent {
    public Hire {
      fields = Map.copyOf(fields);
    }
  }

  /** Department, division, location or job title changed. */
  record Transfer(String employeeId, Instant occurredAt, Set<String> changedFields,
      Map<String, String> newValues) implements HrChangeEvent {
    public Transfer {
      changedFields = Set.copyOf(changedFields);
      newValues = Map.copyOf(newValues);
    }
  }

  record Termination(String employeeId, Instant occurredAt, Optional<LocalDate> effectiveDate)
      implements HrChangeEvent {
  }

  /** The reporting line changed; the new manager's id when the HRIS sent it. */
  record ManagerChange(String employeeId, Instant occurredAt, Optional<String> newManagerId)
      implements HrChangeEvent {
  }
}
