package io.learnops.app.programs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records stage history from the models' execution listeners: {@code learnops.stage.entered}
 * (start) and {@code learnops.stage.left} (end) on each stage call activity, and
 * {@code learnops.program.completed} (end) on the process, with the {@link ProgramOutcome}. The listener jobs are completed at once
 * so the process goes on; a job without a known {@code programId} (an instance not started by
 * this app) is completed without a record.
 *
 * <p>The stage is the {@code stage} custom header, else the {@code stage} variable, else the
 * element id. The time is the job's activation on the engine's clock: its deadline minus the
 * worker timeout, the same for every delivery of one activation. A job delivered twice is
 * recorded once (its key is unique in the history).
 *
 * <p>Public, with public handler methods: the Camunda starter invokes them by reflection.
 */
@Component
public class StageListenerWorker {

  static final long TIMEOUT_MILLIS = 60_000;
  private static final Logger LOG = LoggerFactory.getLogger(StageListenerWorker.class);

  private final ProgramService programs;

  StageListenerWorker(ProgramService programs) {
    this.programs = programs;
  }

  @JobWorker(type = "learnops.stage.entered", timeout = TIMEOUT_MILLIS, fetchVariables = {"programId", "stage"})
  public void stageEntered(ActivatedJob job) {
    record(job, StageEvent.Type.ENTERED);
  }

  @JobWorker(type = "learnops.stage.left", timeout = TIMEOUT_MILLIS, fetchVariables = {"programId", "stage"})
  public void stageLeft(ActivatedJob job) {
    record(job, StageEvent.Type.LEFT);
  }

  @JobWorker(type = "learnops.program.completed", timeout = TIMEOUT_MILLIS,
      fetchVariables = {"programId", "intakeDecision", "reviewOutcome", "programDecision"})
  public void programCompleted(ActivatedJob job) {
    programId(job).ifPresent(id -> programs.markCompleted(id, ProgramOutcome.of(job.getVariablesAsMap())));
  }

  private void record(ActivatedJob job, StageEvent.Type type) {
    programId(job).ifPresent(programId -> {
      final StageEvent event = new StageEvent(programId, stage(job), job.getElementId(), type, activatedAt(job), job.getKey());
      if (!programs.recordStageEvent(event)) {
        LOG.debug("Stage event not recorded again: {}", event);
      }
    });
  }

  private static Optional<UUID> programId(ActivatedJob job) {
    final Object value = job.getVariablesAsMap().get("programId");
    if (value == null) {
      LOG.debug("Job {} ({}) of process instance {} has no programId", job.getKey(), job.getType(), job.getProcessInstanceKey());
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value.toString()));
    } catch (IllegalArgumentException e) {
      LOG.warn("Job {} ({}) has a programId that is not a UUID: {}", job.getKey(), job.getType(), value);
      return Optional.empty();
    }
  }

  private static String stage(ActivatedJob job) {
    return Optional.ofNullable(job.getCustomHeaders().get("stage"))
        .or(() -> Optional.ofNullable(job.getVariablesAsMap().get("stage")).map(Object::toString))
        .filter(stage -> !stage.isBlank())
        .orElse(job.getElementId());
  }

  private static Instant activatedAt(ActivatedJob job) {
    return Instant.ofEpochMilli(job.getDeadline()).minus(Duration.ofMillis(TIMEOUT_MILLIS));
  }
}
