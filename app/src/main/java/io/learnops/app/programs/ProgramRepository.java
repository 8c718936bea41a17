package io.learnops.app.programs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The program registry tables, in plain SQL that runs on H2 and PostgreSQL alike. */
@Repository
public class ProgramRepository {

  private static final String PROGRAM_COLUMNS = """
      id, title, requester, business_unit, audience_size, budget, compliance, current_stage,
      status, process_instance_key, created_at, updated_at, ended_at, outcome""";

  private final JdbcClient jdbc;

  public ProgramRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Program program) {
    insert(program, null);
  }

  /**
   * Inserts the program with its intake profile (may be null). A {@code requestRef} that exists
   * already is a {@link DuplicateKeyException}.
   */
  public void insert(Program program, IntakeProfile profile) {
    final Optional<IntakeProfile> p = Optional.ofNullable(profile);
    jdbc.sql("insert into learning_program (" + PROGRAM_COLUMNS + """
              , topic, business_impact, urgency, regulatory_risk, audience_criteria, linked_program_id, request_ref
            ) values (:id, :title, :requester, :businessUnit, :audienceSize, :budget, :compliance,
              :currentStage, :status, :processInstanceKey, :createdAt, :updatedAt, :endedAt, :outcome,
              :topic, :businessImpact, :urgency, :regulatoryRisk, :audienceCriteria, :linkedProgramId, :requestRef)""")
        .param("topic", p.map(IntakeProfile::topic).orElse(null))
        .param("businessImpact", p.map(IntakeProfile::businessImpact).orElse(null))
        .param("urgency", p.map(IntakeProfile::urgency).orElse(null))
        .param("regulatoryRisk", p.map(IntakeProfile::regulatoryRisk).orElse(null))
        .param("audienceCriteria", p.map(IntakeProfile::audienceCriteria).orElse(null))
        .param("linkedProgramId", p.flatMap(IntakeProfile::linkedProgramId).orElse(null))
        .param("requestRef", p.flatMap(IntakeProfile::requestRef).orElse(null))
        .param("outcome", program.outcome().map(Enum::name).orElse(null))
        .param("id", program.id())
        .param("title", program.title())
        .param("requester", program.requester())
        .param("businessUnit", program.businessUnit())
        .param("audienceSize", program.audienceSize())
        .param("budget", program.budget())
        .param("compliance", program.compliance())
        .param("currentStage", program.currentStage().orElse(null))
        .param("status", program.status().name())
        .param("processInstanceKey", program.processInstanceKey().orElse(null))
        .param("createdAt", timestamp(program.createdAt()))
        .param("updatedAt", timestamp(program.updatedAt()))
        .param("endedAt", program.endedAt().map(ProgramRepository::timestamp).orElse(null))
        .update();
  }

  public Optional<Program> findById(UUID id) {
    return jdbc.sql("select " + PROGRAM_COLUMNS + " from learning_program where id = :id")
        .param("id", id)
        .query(ProgramRepository::program)
        .optional();
  }

  /** Newest first. */
  public List<Program> findAll(int limit) {
    return jdbc.sql("select " + PROGRAM_COLUMNS + " from learning_program order by created_at desc, id limit :limit")
        .param("limit", limit)
        .query(ProgramRepository::program)
        .list();
  }

  public void delete(UUID id) {
    jdbc.sql("delete from learning_program where id = :id").param("id", id).update();
  }

  /** The engine accepted the instance; a program that already moved on keeps its status. */
  public void markStarted(UUID id, long processInstanceKey, Instant now) {
    jdbc.sql("""
            update learning_program
               set process_instance_key = :key, updated_at = :now,
                   status = case when status = 'STARTING' then 'ACTIVE' else status end
             where id = :id""")
        .param("key", processInstanceKey)
        .param("now", timestamp(now))
        .param("id", id)
        .update();
  }

  /** Ends a program that is not finished yet; false when it already was. */
  public boolean markFinished(UUID id, ProgramStatus status, Optional<ProgramOutcome> outcome, Instant now) {
    return jdbc.sql("""
            update learning_program
               set status = :status, outcome = :outcome, current_stage = null, updated_at = :now, ended_at = :now
             where id = :id and status in ('STARTING', 'ACTIVE')""")
        .param("status", status.name())
        .param("outcome", outcome.map(Enum::name).orElse(null))
        .param("now", timestamp(now))
        .param("id", id)
        .update() == 1;
  }

  /**
   * Records a stage event once per job and moves the current stage with it. Returns false for a
   * job already recorded (a retried or re-activated listener job).
   */
  public boolean recordStageEvent(StageEvent event) {
    if (jobRecorded(event.jobKey())) {
      return false;
    }
    try {
      jdbc.sql("""
              insert into program_stage_event (program_id, stage, element_id, event_type, occurred_at, job_key)
              values (:programId, :stage, :elementId, :type, :occurredAt, :jobKey)""")
          .param("programId", event.programId())
          .param("stage", event.stage())
          .param("elementId", event.elementId())
          .param("type", event.type().name())
          .param("occurredAt", timestamp(event.occurredAt()))
          .param("jobKey", event.jobKey())
          .update();
    } catch (DuplicateKeyException concurrentRetry) {
      return false;
    }
    moveCurrentStage(event);
    return true;
  }

  private boolean jobRecorded(long jobKey) {
    return jdbc.sql("select count(*) from program_stage_event where job_key = :jobKey")
        .param("jobKey", jobKey)
        .query(Long.class)
        .single() > 0;
  }

  private void moveCurrentStage(StageEvent event) {
    final String sql = event.type() == StageEvent.Type.ENTERED
        ? "update learning_program set current_stage = :stage, updated_at = :now where id = :id and status in ('STARTING', 'ACTIVE')"
        : "update learning_program set current_stage = null, updated_at = :now where id = :id and current_stage = :stage";
    jdbc.sql(sql)
        .param("stage", event.stage())
        .param("now", timestamp(event.occurredAt()))
        .param("id", event.programId())
        .update();
  }

  /** In the order they happened. */
  public List<StageEvent> stageEvents(UUID programId) {
    return jdbc.sql("""
            select program_id, stage, element_id, event_type, occurred_at, job_key
              from program_stage_event where program_id = :id order by occurred_at, id""")
        .param("id", programId)
        .query((rs, row) -> new StageEvent(
            rs.getObject("program_id", UUID.class),
            rs.getString("stage"),
            rs.getString("element_id"),
            StageEvent.Type.valueOf(rs.getString("event_type")),
            instant(rs, "occurred_at"),
            rs.getLong("job_key")))
        .list();
  }

  /** Adds the decision the job reported, unless that job's decision is recorded already. */
  public boolean addDecision(UUID programId, long jobKey, Decision decision) {
    if (decisionRecorded(jobKey)) {
      return false;
    }
    try {
      jdbc.sql("""
              insert into program_decision (program_id, decision, outcome, decided_by, comment, decided_at, job_key)
              values (:id, :decision, :outcome, :decidedBy, :comment, :decidedAt, :jobKey)""")
          .param("id", programId)
          .param("decision", decision.decision())
          .param("outcome", decision.outcome())
          .param("decidedBy", decision.decidedBy().orElse(null))
          .param("comment", decision.comment().orElse(null))
          .param("decidedAt", timestamp(decision.decidedAt()))
          .param("jobKey", jobKey)
          .update();
      return true;
    } catch (DuplicateKeyException concurrentRetry) {
      return false;
    }
  }

  private boolean decisionRecorded(long jobKey) {
    return jdbc.sql("select count(*) from program_decision where job_key = :jobKey")
        .param("jobKey", jobKey)
        .query(Long.class)
        .single() > 0;
  }

  public List<Decision> decisions(UUID programId) {
    return jdbc.sql("""
            select decision, outcome, decided_by, comment, decided_at
              from program_decision where program_id = :id order by decided_at, id""")
        .param("id", programId)
        .query((rs, row) -> new Decision(
            rs.getString("decision"),
            rs.getString("outcome"),
            Optional.ofNullable(rs.getString("decided_by")),
            Optional.ofNullable(rs.getString("comment")),
            instant(rs, "decided_at")))
        .list();
  }

  public void addEvaluationResult(UUID programId, EvaluationResult result) {
    jdbc.sql("""
            insert into program_evaluation (program_id, metric, metric_value, recorded_at)
            values (:id, :metric, :value, :recordedAt)""")
        .param("id", programId)
        .param("metric", result.metric())
        .param("value", result.value())
        .param("recordedAt", timestamp(result.recordedAt()))
        .update();
  }

  public List<EvaluationResult> evaluationResults(UUID programId) {
    return jdbc.sql("""
            select metric, metric_value, recorded_at
              from program_evaluation where program_id = :id order by recorded_at, id""")
        .param("id", programId)
        .query((rs, row) -> new EvaluationResult(
            rs.getString("metric"), rs.getBigDecimal("metric_value"), instant(rs, "recorded_at")))
        .list();
  }

  /** The program's intake profile; empty for an unknown id (or a row stored before V2). */
  /** The program opened to improve this one after its evaluation, if any. */
  public Optional<UUID> improvedBy(UUID id) {
    return jdbc.sql("select id from learning_program where linked_program_id = :id order by created_at limit 1")
        .param("id", id).query(UUID.class).optional();
  }

  public Optional<IntakeProfile> profile(UUID id) {
    return jdbc.sql("""
            select topic, business_impact, urgency, regulatory_risk, audience_criteria, linked_program_id, request_ref
              from learning_program where id = :id and business_impact is not null""")
        .param("id", id)
        .query((rs, row) -> new IntakeProfile(rs.getString("topic"), rs.getString("business_impact"),
            rs.getString("urgency"), rs.getString("regulatory_risk"), rs.getString("audience_criteria"),
            Optional.ofNullable(rs.getObject("linked_program_id", UUID.class)),
            Optional.ofNullable(rs.getString("request_ref"))))
        .optional();
  }

  private static Program program(ResultSet rs, int row) throws SQLException {
    final long key = rs.getLong("process_instance_key");
    final Optional<Long> processInstanceKey = rs.wasNull() ? Optional.empty() : Optional.of(key);
    return new Program(
        rs.getObject("id", UUID.class),
        rs.getString("title"),
        rs.getString("requester"),
        rs.getString("business_unit"),
        rs.getInt("audience_size"),
        rs.getBigDecimal("budget"),
        rs.getBoolean("compliance"),
        Optional.ofNullable(rs.getString("current_stage")),
        ProgramStatus.valueOf(rs.getString("status")),
        processInstanceKey,
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        Optional.ofNullable(rs.getObject("ended_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
        Optional.ofNullable(rs.getString("outcome")).map(ProgramOutcome::valueOf));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
