package io.learnops.app.programs;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.app.support.RootSafePostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Flyway migrations and the registry's SQL against a real PostgreSQL server. */
class ProgramRepositoryPostgresTest {

  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private static EmbeddedPostgres postgres;
  private static ProgramRepository repository;

  @BeforeAll
  static void migrate() throws Exception {
    postgres = RootSafePostgres.start();
    final DataSource dataSource = postgres.getPostgresDatabase();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    repository = new ProgramRepository(JdbcClient.create(dataSource));
  }

  @AfterAll
  static void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void storesAProgramAndMarksItStarted() {
    // given a program taken in
    final Program program = newProgram();
    repository.insert(program);

    // when its instance started
    repository.markStarted(program.id(), 2251799813685249L, T0.plusSeconds(1));

    // then it reads back whole and active
    final Program stored = repository.findById(program.id()).orElseThrow();
    assertThat(stored.title()).isEqualTo("Data literacy");
    assertThat(stored.budget()).isEqualByComparingTo("48000.50");
    assertThat(stored.compliance()).isTrue();
    assertThat(stored.status()).isEqualTo(ProgramStatus.ACTIVE);
    assertThat(stored.processInstanceKey()).contains(2251799813685249L);
    assertThat(stored.createdAt()).isEqualTo(T0);
    assertThat(repository.findAll(10)).extracting(Program::id).contains(program.id());
  }

  @Test
  void recordsEachStageJobOnceAndMovesTheCurrentStage() {
    // given an active program
    final Program program = newProgram();
    repository.insert(program);
    repository.markStarted(program.id(), 1L, T0);
    final StageEvent entered = new StageEvent(program.id(), "design", "design", StageEvent.Type.ENTERED, T0.plusSeconds(5), 1001L);

    // when the same listener job is delivered twice
    final boolean first = repository.recordStageEvent(entered);
    final boolean again = repository.recordStageEvent(entered);

    // then it is recorded once and the program is in that stage
    assertThat(first).isTrue();
    assertThat(again).isFalse();
    assertThat(repository.stageEvents(program.id())).containsExactly(entered);
    assertThat(repository.findById(program.id()).orElseThrow().currentStage()).contains("design");

    // when the stage is left
    repository.recordStageEvent(new StageEvent(program.id(), "design", "design", StageEvent.Type.LEFT, T0.plusSeconds(9), 1002L));

    // then the program is between stages
    assertThat(repository.findById(program.id()).orElseThrow().currentStage()).isEmpty();
    assertThat(repository.stageEvents(program.id())).hasSize(2);
  }

  @Test
  void finishesAProgramOnlyOnce() {
    final Program program = newProgram();
    repository.insert(program);
    repository.markStarted(program.id(), 7L, T0);

    assertThat(repository.markFinished(program.id(), ProgramStatus.CANCELED, Optional.empty(), T0.plusSeconds(60))).isTrue();
    assertThat(repository.markFinished(program.id(), ProgramStatus.COMPLETED, Optional.of(ProgramOutcome.CONTINUED), T0.plusSeconds(90))).isFalse();

    final Program finished = repository.findById(program.id()).orElseThrow();
    assertThat(finished.status()).isEqualTo(ProgramStatus.CANCELED);
    assertThat(finished.endedAt()).contains(T0.plusSeconds(60));
  }

  @Test
  void keepsDecisionsAndEvaluationResults() {
    final Program program = newProgram();
    repository.insert(program);

    repository.addDecision(program.id(), 31L, new Decision("triage", "accept", Optional.of("l&d-owner"), Optional.empty(), T0));
    repository.addEvaluationResult(program.id(), new EvaluationResult("completion-rate", new BigDecimal("0.8750"), T0.plus(30, ChronoUnit.DAYS)));

    assertThat(repository.decisions(program.id()))
        .containsExactly(new Decision("triage", "accept", Optional.of("l&d-owner"), Optional.empty(), T0));
    assertThat(repository.evaluationResults(program.id())).singleElement()
        .satisfies(result -> assertThat(result.value()).isEqualByComparingTo("0.875"));
  }

  @Test
  void keepsADecisionReportedTwiceByOneJobOnce() {
    final Program program = newProgram();
    repository.insert(program);
    final Decision intake = new Decision("intake", "decline", Optional.empty(), Optional.of("No budget this year"), T0);

    assertThat(repository.addDecision(program.id(), 41L, intake)).isTrue();
    assertThat(repository.addDecision(program.id(), 41L, intake)).isFalse();

    assertThat(repository.decisions(program.id())).containsExactly(intake);
  }

  @Test
  void deletesAProgramWhoseStartFailed() {
    final Program program = newProgram();
    repository.insert(program);

    repository.delete(program.id());

    assertThat(repository.findById(program.id())).isEmpty();
  }

  private static Program newProgram() {
    return Program.intake(UUID.randomUUID(),
        new NewProgram("Data literacy", "sam@example.com", "Finance", 120, new BigDecimal("48000.50"), true), T0);
  }
}
