package io.learnops.connectors.lms.xapi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Filters of {@code GET /statements}. {@code since} and {@code until} compare with the time the
 * LRS stored a statement, which makes {@code since} the cursor for incremental polling.
 *
 * @param limit page size asked for; 0 lets the LRS choose
 */
public record StatementQuery(Optional<String> activity, Optional<String> verb,
    Optional<LearningStatement.Actor> agent, Optional<UUID> registration,
    Optional<Instant> since, Optional<Instant> until, int limit) {

  public StatementQuery {
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(registration, "registration");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
  }

  public static StatementQuery all() {
    return new StatementQuery(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), 0);
  }

  public StatementQuery activity(String activityId) {
    return new StatementQuery(Optional.of(activityId), verb, agent, registration, since, until,
        limit);
  }

  public StatementQuery verb(String verbId) {
    return new StatementQuery(activity, Optional.of(verbId), agent, registration, since, until,
        limit);
  }

  public StatementQuery agent(LearningStatement.Actor actor) {
    return new StatementQuery(activity, verb, Optional.of(actor), registration, since, until,
        limit);
  }

  public StatementQuery since(Instant instant) {
    return new StatementQuery(activity, verb, agent, registration, Optional.of(instant), until,
        limit);
  }

  public StatementQuery until(Instant instant) {
    return new StatementQuery(activity, verb, agent, registration, since, Optional.of(instant),
        limit);
  }

  public StatementQuery limit(int pageSize) {
    return new StatementQuery(activity, verb, agent, registration, since, until, pageSize);
  }
}
