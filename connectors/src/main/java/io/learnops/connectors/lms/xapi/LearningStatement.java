package io.learnops.connectors.lms.xapi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The part of an xAPI 1.0.3 statement LearnOps reads and writes: who (actor) did what (verb) to
 * which activity, with an optional result and registration (the enrolment/attempt it belongs to).
 * {@code stored} is set by the LRS.
 */
public record LearningStatement(Optional<UUID> id, Actor actor, Verb verb, Activity activity,
    Optional<Result> result, Optional<UUID> registration, Optional<Instant> timestamp,
    Optional<Instant> stored) {

  public LearningStatement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(registration, "registration");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(stored, "stored");
  }

  /** A new statement, without id (the client assigns one) and without a result. */
  public static LearningStatement of(Actor actor, Verb verb, Activity activity, Instant timestamp) {
    return new LearningStatement(Optional.empty(), actor, verb, activity, Optional.empty(),
        Optional.empty(), Optional.of(timestamp), Optional.empty());
  }

  public LearningStatement withId(UUID newId) {
    return new LearningStatement(Optional.of(newId), actor, verb, activity, result, registration,
        timestamp, stored);
  }

  public LearningStatement withResult(Result newResult) {
    return new LearningStatement(id, actor, verb, activity, Optional.of(newResult), registration,
        timestamp, stored);
  }

  public LearningStatement withRegistration(UUID newRegistration) {
    return new LearningStatement(id, actor, verb, activity, result, Optional.of(newRegistration),
        timestamp, stored);
  }

  /** An agent identified by {@code mbox} ({@code mailto:} IRI) or by an account on a system. */
  public record Actor(String name, Optional<String> mbox, Optional<Account> account) {

    public Actor {
      if (mbox.isEmpty() == account.isEmpty()) {
        throw new IllegalArgumentException("an actor has exactly one of mbox or account");
      }
    }

    public static Actor byEmail(String name, String email) {
      return new Actor(name, Optional.of("mailto:" + email), Optional.empty());
    }

    public static Actor byAccount(String name, String homePage, String accountName) {
      return new Actor(name, Optional.empty(), Optional.of(new Account(homePage, accountName)));
    }

    /**
     * What tells learners apart (xAPI's inverse functional identifier): the mbox, else the
     * account as {@code homePage|name}, so the same name on two systems is two learners.
     */
    public String identity() {
      return mbox.orElseGet(() -> account.map(a -> a.homePage() + "|" + a.name()).orElseThrow());
    }
  }

  public record Account(String homePage, String name) {
  }

  /** A verb IRI with its en-US display name. */
  public record Verb(String id, String display) {

    public static final Verb COMPLETED =
        new Verb("http://adlnet.gov/expapi/verbs/completed", "completed");
    public static final Verb PASSED = new Verb("http://adlnet.gov/expapi/verbs/passed", "passed");
    public static final Verb FAILED = new Verb("http://adlnet.gov/expapi/verbs/failed", "failed");
  }

  /** An activity IRI with an optional en-US name and type IRI. */
  public record Activity(String id, Optional<String> name, Optional<String> type) {

    public static Activity of(String id) {
      return new Activity(id, Optional.empty(), Optional.empty());
    }
  }

  /** Outcome; {@code duration} is an ISO 8601 duration as xAPI writes it. */
  public record Result(Optional<Double> scaled, Optional<Double> raw, Optional<Double> min,
      Optional<Double> max, Optional<Boolean> success, Optional<Boolean> completion,
      Optional<String> duration) {

    public static Result scored(double scaled, boolean success) {
      return new Result(Optional.of(scaled), Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of(success), Optional.of(true), Optional.empty());
    }
  }
}
