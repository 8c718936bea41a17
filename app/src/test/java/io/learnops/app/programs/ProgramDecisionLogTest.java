package io.learnops.app.programs;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.app.support.TestDatabase;
import io.learnops.workers.ports.DecisionLog.ProgramDecision;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Decisions from task listener jobs, kept with their program in the default database (H2). */
class ProgramDecisionLogTest {

  private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");

  private ProgramRepository repository;
  private ProgramDecisionLog log;
  private Program program;

  @BeforeEach
  void programInIntake() {
    final TestDatabase database = TestDatabase.migrated();
    repository = new ProgramRepository(database.jdbc());
    log = new ProgramDecisionLog(new ProgramService(repository, null, database.transactions(),
        Clock.fixed(NOW, ZoneOffset.UTC)));
    program = Program.intake(UUID.randomUUID(),
        new NewProgram("Data literacy", "sam@example.com", "Finance", 120, new BigDecimal("4800"), false), NOW);
    repository.insert(program);
  }

  @Test
  void a_redelivered_listener_job_records_its_decision_once() {
    final ProgramDecision declined = new ProgramDecision(12L, program.id().toString(), "intake",
        "decline", Optional.of("olivia"), Optional.of("No budget this year"), NOW);

    log.record(declined);
    log.record(declined);

    assertThat(repository.decisions(program.id())).containsExactly(new Decision("intake", "decline",
        Optional.of("olivia"), Optional.of("No budget this year"), NOW));
  }

  @Test
  void a_comment_longer_than_the_record_keeps_is_cut_rather_than_blocking_the_task() {
    log.record(new ProgramDecision(13L, program.id().toString(), "program future", "improve",
        Optional.empty(), Optional.of("x".repeat(2500)), NOW));

    assertThat(repository.decisions(program.id())).singleElement()
        .satisfies(d -> assertThat(d.comment()).hasValueSatisfying(c -> assertThat(c).hasSize(2000)));
  }

  @Test
  void decisions_of_programs_this_app_does_not_know_are_dropped() {
    log.record(new ProgramDecision(14L, "not-a-uuid", "intake", "accept", Optional.empty(), Optional.empty(), NOW));
    log.record(new ProgramDecision(15L, UUID.randomUUID().toString(), "intake", "accept",
        Optional.empty(), Optional.empty(), NOW));

    assertThat(repository.decisions(program.id())).isEmpty();
  }
}
