package io.learnops.app.programs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnops.app.support.TestDatabase;
import io.learnops.workers.ports.ProgramRegistry.DesignPackage;
import io.learnops.workers.ports.ProgramRegistry.ImprovementRequest;
import io.learnops.workers.ports.ProgramRegistry.ProgramSummary;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The workers' ProgramRegistry on H2, with the engine replaced by a recording stub. */
class JdbcProgramRegistryTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-04T08:00:00Z"), ZoneOffset.UTC);

  private final RecordingProcesses processes = new RecordingProcesses();
  private ProgramRepository repository;
  private ProgramService service;
  private JdbcProgramRegistry registry;

  @BeforeEach
  void database() {
    final TestDatabase db = TestDatabase.migrated();
    repository = new ProgramRepository(db.jdbc());
    service = new ProgramService(repository, processes, db.transactions(), CLOCK);
    registry = new JdbcProgramRegistry(db.jdbc(), new ProgramDesigns(db.jdbc(), new ObjectMapper(), CLOCK), service, CLOCK);
  }

  @Test
  void openProgramsListsOtherActiveUnretiredProgramsWithTopicAndAudience() {
    // given three programs: the asking one, a retired one and an open one with a topic
    final Program asking = start("GDPR refresher", "medium");
    final Program retired = start("GDPR basics", "low");
    registry.markRetired(retired.id().toString());
    final Program open = service.start(request("Privacy at work"),
        IntakeProfile.defaults(request("Privacy at work")).withOverrides("GDPR", null, null, null, null), Map.of());

    // when the duplicate check asks
    final List<ProgramSummary> programs = registry.openPrograms(asking.id().toString());

    // then only the open other program is a candidate, with its topic and audience criteria
    assertThat(programs).containsExactly(new ProgramSummary(open.id().toString(), "Privacy at work", "GDPR",
        "department eq \"Support\"", null));
  }

  @Test
  void aRepeatedDesignKeyReturnsTheFirstVersionAndANewKeyTheNext() {
    final String programId = start("Excel", "low").id().toString();

    // when the same job records twice and a rework round records again
    final int first = registry.recordDesign("design:" + programId + ":1", design(programId, "5000"));
    final int repeat = registry.recordDesign("design:" + programId + ":1", design(programId, "9999"));
    final int rework = registry.recordDesign("design:" + programId + ":2", design(programId, "6000"));

    // then the repeat is the first version and the rework the second
    assertThat(first).isEqualTo(1);
    assertThat(repeat).isEqualTo(1);
    assertThat(rework).isEqualTo(2);
  }

  @Test
  void markingRetiredTwiceIsHarmless() {
    final String programId = start("Excel", "low").id().toString();

    registry.markRetired(programId);
    registry.markRetired(programId);

    assertThat(registry.openPrograms("other")).isEmpty();
  }

  @Test
  void anImprovementRequestStartsOneLinkedProgramHoweverOftenItIsOpened() {
    // given an evaluated program
    final Program old = start("Negotiation", "high");
    processes.started.clear();
    final ImprovementRequest request = new ImprovementRequest(old.id() + "-improvement", old.id().toString(),
        "Negotiation v2", "http://localhost:8080/api/programs/" + old.id() + "/report", "more practice");

    // when the request is opened twice (a retried job)
    registry.openImprovementRequest(request);
    registry.openImprovementRequest(request);

    // then one learning-program instance was started, linked to the old program, with its profile
    assertThat(processes.started).hasSize(1);
    assertThat(processes.started.get(0)).containsEntry("linkedProgramId", old.id().toString())
        .containsEntry("title", "Negotiation v2").containsEntry("businessImpact", "high")
        .containsEntry("improvementNotes", "more practice");
    assertThat(repository.findAll(10)).extracting(Program::title).contains("Negotiation v2");
  }

  private Program start(String title, String impact) {
    return service.start(request(title), IntakeProfile.defaults(request(title)).withOverrides(null, impact, null, null, null),
        Map.of());
  }

  private static NewProgram request(String title) {
    return new NewProgram(title, "lee@example.com", "Support", 30, new BigDecimal("900.00"), false);
  }

  private static DesignPackage design(String programId, String budget) {
    return new DesignPackage(programId, "build", List.of("objective"), Optional.empty(), Optional.empty(),
        Optional.of(new BigDecimal(budget)), new BigDecimal(budget));
  }

  private static final class RecordingProcesses extends ProgramProcesses {
    final List<Map<String, Object>> started = new ArrayList<>();

    RecordingProcesses() {
      super(null, "learning-program");
    }

    @Override
    long start(Map<String, Object> variables) {
      started.add(variables);
      return 1000L + started.size();
    }
  }
}
