package io.learnops.app.evaluation;

import io.learnops.app.programs.EvaluationResult;
import io.learnops.app.programs.ProgramRepository;
import io.learnops.workers.ports.ReportStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports in {@code program_report} (UTF-8 text, one per program: storing again replaces it),
 * served at {@code /api/programs/{id}/report}. The report's measures replace the program's
 * evaluation results ({@code program_evaluation}), so {@code GET /api/programs/{id}} shows them.
 * The URL's base is {@code learnops.app.base-url}, else {@code http://localhost:<server port>}.
 */
@Component
public class JdbcReportStore implements ReportStore {

  private final JdbcClient jdbc;
  private final ProgramRepository programs;
  private final TransactionTemplate transactions;
  private final Environment environment;
  private final Clock clock;

  JdbcReportStore(JdbcClient jdbc, ProgramRepository programs, TransactionTemplate transactions,
      Environment environment, Clock clock) {
    this.jdbc = jdbc;
    this.programs = programs;
    this.transactions = transactions;
    this.environment = environment;
    this.clock = clock;
  }

  @Override
  public String store(String programId, String contentType, byte[] content) {
    final String text = new String(content, StandardCharsets.UTF_8);
    final Instant now = clock.instant();
    transactions.executeWithoutResult(status -> {
      if (jdbc.sql("update program_report set content_type = :type, content = :content, stored_at = :at where program_id = :id")
          .param("type", contentType).param("content", text).param("at", now.atOffset(ZoneOffset.UTC))
          .param("id", programId).update() == 0) {
        jdbc.sql("insert into program_report (program_id, content_type, content, stored_at) values (:id, :type, :content, :at)")
            .param("id", programId).param("type", contentType).param("content", text)
            .param("at", now.atOffset(ZoneOffset.UTC)).update();
      }
      registered(programId).ifPresent(id -> replaceResults(id, ReportMetrics.parse(text), now));
    });
    return baseUrl() + "/api/programs/" + programId + "/report";
  }

  public Optional<Report> find(String programId) {
    return jdbc.sql("select content_type, content from program_report where program_id = :id")
        .param("id", programId)
        .query((rs, row) -> new Report(rs.getString("content_type"), rs.getString("content")))
        .optional();
  }

  private void replaceResults(UUID id, Map<String, BigDecimal> metrics, Instant now) {
    jdbc.sql("delete from program_evaluation where program_id = :id and metric in (:names)")
        .param("id", id).param("names", toList(ReportMetrics.names()))
        .update();
    metrics.forEach((metric, value) -> programs.addEvaluationResult(id, new EvaluationResult(metric, value, now)));
  }

  private static java.util.List<String> toList(Iterable<String> names) {
    final java.util.List<String> list = new java.util.ArrayList<>();
    names.forEach(list::add);
    return list;
  }

  /** The registry's program for this id, when it is one (jobs of other instances have none). */
  private Optional<UUID> registered(String programId) {
    try {
      final UUID id = UUID.fromString(programId);
      return programs.findById(id).map(p -> id);
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }

  private String baseUrl() {
    return Optional.ofNullable(environment.getProperty("learnops.app.base-url"))
        .orElseGet(() -> "http://localhost:" + environment.getProperty("local.server.port",
            environment.getProperty("server.port", "8080")));
  }

  public record Report(String contentType, String content) {
  }
}
