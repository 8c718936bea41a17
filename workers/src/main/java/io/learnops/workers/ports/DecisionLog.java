package io.learnops.workers.ports;

import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the decisions people take in user tasks (intake, design choice, vendor, approvals, the
 * program's future) with the program's record. The same {@code jobKey} recorded twice must count
 * once: a redelivered listener job is the same decision.
 */
public interface DecisionLog {

  void record(ProgramDecision decision);

  record ProgramDecision(long jobKey, String programId, String decision, String outcome,
      Optional<String> decidedBy, Optional<String> comment, Instant decidedAt) {
  }
}
