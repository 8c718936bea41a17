package io.learnops.app.programs;

import io.learnops.workers.ports.ProgramRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The workers' {@link ProgramRegistry} on the registry tables. The similarity itself is the
 * workers' {@code DuplicateMatcher}; this lists the open candidates.
 */
@Component
class JdbcProgramRegistry implements ProgramRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcProgramRegistry.class);

  private final JdbcClient jdbc;
  private final ProgramDesigns designs;
  private final ProgramService programs;
  private final Clock clock;

  JdbcProgramRegistry(JdbcClient jdbc, ProgramDesigns designs, ProgramService programs, Clock clock) {
    this.jdbc = jdbc;
    this.designs = designs;
    this.programs = programs;
    this.clock = clock;
  }

  /** Active, not retired programs in intake to delivery (or between stages), newest first. */
  @Override
  public List<ProgramSummary> openPrograms(String excludingProgramId) {
    return jdbc.sql("""
            select id, title, topic, audience_criteria, current_stage from learning_program
             where status in ('STARTING', 'ACTIVE') and retired_at is null
               and (current_stage is null or current_stage not in ('Evaluation', 'evaluation'))
             order by created_at desc limit 1000""")
        .query((rs, row) -> new ProgramSummary(rs.getObject("id", UUID.class).toString(),
            rs.getString("title"), Optional.ofNullable(rs.getString("topic")).orElse(rs.getString("title")),
            rs.getString("audience_criteria"), rs.getString("current_stage")))
        .list().stream()
        .filter(p -> !p.programId().equals(excludingProgramId))
        .toList();
  }

  @Override
  public int recordDesign(String key, DesignPackage design) {
    return designs.record(key, design);
  }

  @Override
  public void markRetired(String programId) {
    final int rows = jdbc.sql("update learning_program set retired_at = coalesce(retired_at, :now) where id = :id")
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .param("id", uuid(programId))
        .update();
    if (rows == 0) {
      throw new IllegalArgumentException("no program " + programId + " to retire");
    }
  }

  /**
   * Starts a new program copying the old one's requester, unit, audience, budget and profile,
   * titled as the request says, with {@code request_ref = newProgramId} (unique: a repeat finds
   * it and starts nothing).
   */
  @Override
  public void openImprovementRequest(ImprovementRequest request) {
    if (exists(request.newProgramId())) {
      return;
    }
    final UUID oldId = uuid(request.linkedProgramId());
    final Program old = programs.find(oldId)
        .orElseThrow(() -> new IllegalArgumentException("no program " + oldId + " to improve"));
    final NewProgram improved = new NewProgram(
        Optional.ofNullable(request.title()).filter(t -> !t.isBlank()).orElse(old.title()),
        old.requester(), old.businessUnit(), old.audienceSize(), old.budget(), old.compliance());
    final IntakeProfile profile = programs.profile(oldId).orElseGet(() -> IntakeProfile.defaults(improved))
        .linkedTo(oldId, request.newProgramId());
    final Map<String, Object> extra = new java.util.HashMap<>();
    extra.put("linkedReportUrl", request.reportUrl());
    extra.put("improvementNotes", request.improvementNotes());
    try {
      final Program started = programs.start(improved, profile, extra);
      LOG.info("Improvement request {} opened as program {}", request.newProgramId(), started.id());
    } catch (DuplicateKeyException concurrentRepeat) {
      LOG.info("Improvement request {} already opened", request.newProgramId());
    }
  }

  private boolean exists(String requestRef) {
    return jdbc.sql("select count(*) from learning_program where request_ref = :ref")
        .param("ref", requestRef).query(Long.class).single() > 0;
  }

  private static UUID uuid(String programId) {
    try {
      return UUID.fromString(programId);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("programId '" + programId + "' is not a program of this registry", e);
    }
  }
}
