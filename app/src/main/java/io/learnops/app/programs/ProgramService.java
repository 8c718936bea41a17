package io.learnops.app.programs;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * The program registry's use cases.
 *
 * <p>Starting a program takes three short steps rather than one transaction around the engine
 * call: (1) commit the program as {@code STARTING}, (2) create the process instance, (3) store
 * its key and mark the program {@code ACTIVE}. The row is committed before the engine runs the
 * first stage listener, so that listener always finds its program. If the engine refuses, the
 * row is deleted again and the caller gets a 503: no half-created program stays behind.
 */
@Service
public class ProgramService {

  private static final Logger LOG = LoggerFactory.getLogger(ProgramService.class);

  private final ProgramRepository repository;
  private final ProgramProcesses processes;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ProgramService(ProgramRepository repository, ProgramProcesses processes, TransactionTemplate transactions, Clock clock) {
    this.repository = repository;
    this.processes = processes;
    this.transactions = transactions;
    this.clock = clock;
  }

  public Program start(NewProgram request) {
    return start(request, IntakeProfile.defaults(request), Map.of());
  }

  /**
   * Starts a program with its intake profile; {@code extraVariables} (e.g. the report of the
   * program an improvement request improves) are passed to the process as they are. A profile
   * whose {@code requestRef} exists already is a {@link org.springframework.dao.DuplicateKeyException}
   * before anything is started.
   */
  public Program start(NewProgram request, IntakeProfile profile, Map<String, Object> extraVariables) {
    final Program program = Program.intake(UUID.randomUUID(), request, clock.instant());
    repository.insert(program, profile);
    final long processInstanceKey;
    try {
      final Map<String, Object> variables = variables(program, profile);
      variables.putAll(extraVariables);
      processInstanceKey = processes.start(variables);
    } catch (ErrorResponseException e) {
      repository.delete(program.id());
      throw e;
    }
    repository.markStarted(program.id(), processInstanceKey, clock.instant());
    LOG.info("Program {} '{}' started as process instance {}", program.id(), program.title(), processInstanceKey);
    return repository.findById(program.id()).orElseThrow();
  }

  public Optional<Program> find(UUID id) {
    return repository.findById(id);
  }

  public Optional<IntakeProfile> profile(UUID id) {
    return repository.profile(id);
  }

  public List<Program> list(int limit) {
    return repository.findAll(limit);
  }

  public ProgramDetails details(UUID id) {
    final Program program = repository.findById(id).orElseThrow(() -> ProgramProblems.notFound(id));
    return new ProgramDetails(program, ProgramDetails.visits(repository.stageEvents(id)),
        repository.decisions(id), repository.evaluationResults(id),
        repository.profile(id).flatMap(IntakeProfile::linkedProgramId), repository.improvedBy(id));
  }

  /**
   * Cancels the program's process instance and marks the program canceled. A program whose
   * instance the engine no longer knows has ended on its own: it is marked completed and the
   * caller gets a 409, as for any finished program.
   */
  public ProgramDetails cancel(UUID id) {
    final Program program = repository.findById(id).orElseThrow(() -> ProgramProblems.notFound(id));
    if (program.status().isFinished() || program.processInstanceKey().isEmpty()) {
      throw ProgramProblems.finished(id, program.status());
    }
    if (!processes.cancel(program.processInstanceKey().get())) {
      repository.markFinished(id, ProgramStatus.COMPLETED, Optional.empty(), clock.instant());
      throw ProgramProblems.finished(id, ProgramStatus.COMPLETED);
    }
    repository.markFinished(id, ProgramStatus.CANCELED, Optional.empty(), clock.instant());
    LOG.info("Program {} canceled (process instance {})", id, program.processInstanceKey().get());
    return details(id);
  }

  /** Records what a stage listener reported, once per job. */
  public boolean recordStageEvent(StageEvent event) {
    if (repository.findById(event.programId()).isEmpty()) {
      LOG.warn("Stage event for unknown program {} ignored: {}", event.programId(), event);
      return false;
    }
    return Boolean.TRUE.equals(transactions.execute(status -> repository.recordStageEvent(event)));
  }

  /** The program's process ended, with this outcome when the process told how. */
  public void markCompleted(UUID id, Optional<ProgramOutcome> outcome) {
    if (repository.markFinished(id, ProgramStatus.COMPLETED, outcome, clock.instant())) {
      LOG.info("Program {} completed ({})", id, outcome.map(Enum::name).orElse("no outcome"));
    }
  }

  /**
   * Records a decision a listener job reported, once per job. A decision on a program this app
   * does not know (an instance started by hand) is dropped: nothing can show it.
   */
  public boolean recordDecision(UUID id, long jobKey, Decision decision) {
    if (repository.findById(id).isEmpty()) {
      LOG.warn("Decision for unknown program {} ignored: {}", id, decision);
      return false;
    }
    return repository.addDecision(id, jobKey, decision);
  }

  public void recordEvaluationResult(UUID id, EvaluationResult result) {
    repository.addEvaluationResult(id, result);
  }

  /**
   * The variables {@code learning-program} and its intake stage read: validate-request
   * ({@code programId, requester, title, businessImpact, audienceSize, regulatoryRisk, urgency}),
   * the {@code intake-triage} decision (the same rubric values) and check-duplicates
   * ({@code topic, audienceCriteria}); {@code businessUnit}, {@code budget}, {@code compliance}
   * for later stages and the forms.
   */
  static Map<String, Object> variables(Program program, IntakeProfile profile) {
    final Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("programId", program.id().toString());
    variables.put("title", program.title());
    variables.put("requester", program.requester());
    variables.put("businessUnit", program.businessUnit());
    variables.put("audienceSize", program.audienceSize());
    variables.put("budget", program.budget());
    variables.put("compliance", program.compliance());
    variables.put("topic", profile.topic());
    variables.put("businessImpact", profile.businessImpact());
    variables.put("urgency", profile.urgency());
    variables.put("regulatoryRisk", profile.regulatoryRisk());
    variables.put("audienceCriteria", profile.audienceCriteria());
    profile.linkedProgramId().ifPresent(id -> variables.put("linkedProgramId", id.toString()));
    return variables;
  }
}
