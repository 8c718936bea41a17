package io.learnops.app.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/** The registry's rules with the engine replaced by a stub and the default database (H2). */
class ProgramServiceTest {

  private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");

  private final StubProcesses processes = new StubProcesses();
  private ProgramRepository repository;
  private ProgramService service;

  @BeforeEach
  void database() {
    final JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).load().migrate();
    repository = new ProgramRepository(JdbcClient.create(dataSource));
    service = new ProgramService(repository, processes,
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void aStartTheEngineRefusesLeavesNoProgramBehind() {
    // given an engine that has no learning-program process
    processes.refuse = true;

    // when a program is taken in
    // then the caller gets a 503 and nothing is registered
    assertThatThrownBy(() -> service.start(request()))
        .isInstanceOfSatisfying(ErrorResponseException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    assertThat(repository.findAll(10)).isEmpty();
  }

  @Test
  void aStartedProgramIsActiveWithItsInstanceAndVariables() {
    final Program program = service.start(request());

    assertThat(program.status()).isEqualTo(ProgramStatus.ACTIVE);
    assertThat(program.processInstanceKey()).contains(4242L);
    assertThat(processes.variables).containsEntry("programId", program.id().toString())
        .containsEntry("budget", new BigDecimal("900.00")).containsEntry("compliance", false);
  }

  @Test
  void cancelingAProgramWhoseInstanceAlreadyEndedIsAConflictAndCompletesIt() {
    // given a program whose instance the engine no longer has
    final Program program = service.start(request());
    processes.instanceGone = true;

    // when it is canceled
    // then the caller gets a 409 and the program is completed
    assertThatThrownBy(() -> service.cancel(program.id()))
        .isInstanceOfSatisfying(ErrorResponseException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
    assertThat(repository.findById(program.id()).orElseThrow().status()).isEqualTo(ProgramStatus.COMPLETED);
  }

  @Test
  void stageEventsOfUnknownProgramsAreIgnored() {
    assertThat(service.recordStageEvent(
        new StageEvent(UUID.randomUUID(), "intake", "intake", StageEvent.Type.ENTERED, NOW, 1L))).isFalse();
  }

  @Test
  void theHistoryPairsEachLeftWithItsEntered() {
    // given a program that went intake → design → review → design (rework)
    final List<StageEvent> events = List.of(
        event("intake", StageEvent.Type.ENTERED, 0), event("intake", StageEvent.Type.LEFT, 1),
        event("design", StageEvent.Type.ENTERED, 2), event("design", StageEvent.Type.LEFT, 3),
        event("review", StageEvent.Type.ENTERED, 4), event("review", StageEvent.Type.LEFT, 5),
        event("design", StageEvent.Type.ENTERED, 6));

    // when the history is built
    final List<ProgramDetails.StageVisit> visits = ProgramDetails.visits(events);

    // then each visit has its own times and the last one is still open
    assertThat(visits).containsExactly(
        visit("intake", 0, 1), visit("design", 2, 3), visit("review", 4, 5),
        new ProgramDetails.StageVisit("design", NOW.plusSeconds(6), Optional.empty()));
  }

  private static StageEvent event(String stage, StageEvent.Type type, int second) {
    return new StageEvent(UUID.randomUUID(), stage, stage, type, NOW.plusSeconds(second), second);
  }

  private static ProgramDetails.StageVisit visit(String stage, int entered, int left) {
    return new ProgramDetails.StageVisit(stage, NOW.plusSeconds(entered), Optional.of(NOW.plusSeconds(left)));
  }

  private static NewProgram request() {
    return new NewProgram("Safety briefing", "lee@example.com", "Plant 2", 30, new BigDecimal("900.00"), false);
  }

  private static final class StubProcesses extends ProgramProcesses {
    boolean refuse;
    boolean instanceGone;
    Map<String, Object> variables;

    StubProcesses() {
      super(null, "learning-program");
    }

    @Override
    long start(Map<String, Object> variables) {
      if (refuse) {
        throw ProgramProblems.engineUnavailable("process 'learning-program' is not deployed", null);
      }
      this.variables = variables;
      return 4242L;
    }

    @Override
    boolean cancel(long processInstanceKey) {
      return !instanceGone;
    }
  }
}
