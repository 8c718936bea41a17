package io.learnops.app.programs;

import io.learnops.workers.ports.DecisionLog;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The decisions people take in user tasks, kept with their program (shown by
 * {@code GET /api/programs/{id}}). Texts are cut to the columns' sizes: a long comment must not
 * fail the listener job, as that would block the person's completion.
 */
@Component
class ProgramDecisionLog implements DecisionLog {

  private static final Logger LOG = LoggerFactory.getLogger(ProgramDecisionLog.class);

  private final ProgramService programs;

  ProgramDecisionLog(ProgramService programs) {
    this.programs = programs;
  }

  @Override
  public void record(ProgramDecision decision) {
    final Optional<UUID> programId = uuid(decision.programId());
    if (programId.isEmpty()) {
      LOG.warn("Decision for program '{}' ignored: not a program id of this app", decision.programId());
      return;
    }
    programs.recordDecision(programId.get(), decision.jobKey(), new Decision(
        cut(decision.decision(), 100), cut(decision.outcome(), 100),
        decision.decidedBy().map(by -> cut(by, 120)), decision.comment().map(c -> cut(c, 2000)),
        decision.decidedAt()));
  }

  private static Optional<UUID> uuid(String programId) {
    try {
      return Optional.of(UUID.fromString(programId));
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }

  private static String cut(String text, int size) {
    return text.length() <= size ? text : text.substring(0, size);
  }
}
