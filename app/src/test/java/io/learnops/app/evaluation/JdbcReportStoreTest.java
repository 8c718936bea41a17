package io.learnops.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.app.programs.EvaluationResult;
import io.learnops.app.programs.NewProgram;
import io.learnops.app.programs.Program;
import io.learnops.app.programs.ProgramRepository;
import io.learnops.app.support.TestDatabase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class JdbcReportStoreTest {

  private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");

  private ProgramRepository programs;
  private JdbcReportStore reports;

  @BeforeEach
  void database() {
    final TestDatabase db = TestDatabase.migrated();
    programs = new ProgramRepository(db.jdbc());
    reports = new JdbcReportStore(db.jdbc(), programs, db.transactions(),
        new MockEnvironment().withProperty("local.server.port", "8123"), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void storingAgainReplacesTheReportAndItsMeasuresAtTheSameUrl() {
    // given a registered program
    final UUID id = UUID.randomUUID();
    programs.insert(Program.intake(id, new NewProgram("Excel", "lee@example.com", "Finance", 10, BigDecimal.TEN, false), NOW));

    // when the report is stored, then stored again with other figures
    final String first = reports.store(id.toString(), "text/markdown", report("-20.00", "40.0 %"));
    final String second = reports.store(id.toString(), "text/markdown", report("35.00", "n/a"));

    // then the URL is the same, the second report is served and only its measures are results
    assertThat(second).isEqualTo(first).isEqualTo("http://localhost:8123/api/programs/" + id + "/report");
    assertThat(reports.find(id.toString()).orElseThrow().content()).contains("35.00");
    assertThat(programs.evaluationResults(id)).extracting(EvaluationResult::metric, r -> r.value().stripTrailingZeros())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("learningNps", new BigDecimal("35")));
  }

  @Test
  void percentagesBecomeSharesAndARunOutsideTheRegistryKeepsOnlyTheReport() {
    assertThat(ReportMetrics.parse(new String(report("10.00", "40.0 %"), StandardCharsets.UTF_8)))
        .containsEntry("passRate", new BigDecimal("0.4000")).containsEntry("learningNps", new BigDecimal("10.00"));

    reports.store("not-a-registered-program", "text/markdown", report("1.00", "n/a"));

    assertThat(reports.find("not-a-registered-program")).isPresent();
  }

  private static byte[] report(String nps, String passRate) {
    return ("# Evaluation\n\n| level | measure | value |\n|---|---|---|\n"
        + "| L1 reaction | learning NPS | " + nps + " |\n"
        + "| L2 learning | pass rate | " + passRate + " |\n").getBytes(StandardCharsets.UTF_8);
  }
}
