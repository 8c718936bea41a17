package io.learnops.app.programs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A program with its stage history, decisions and evaluation results, and its links: the program
 * it improves, and the improvement request opened after its evaluation.
 */
public record ProgramDetails(Program program, List<StageVisit> stages, List<Decision> decisions,
    List<EvaluationResult> evaluationResults, Optional<UUID> improves, Optional<UUID> improvedBy) {

  /** One stay in a stage; a program that loops back (review → design) visits a stage again. */
  public record StageVisit(String stage, Instant enteredAt, Optional<Instant> leftAt) {}

  /** Pairs each LEFT with the latest open ENTERED of the same stage. */
  static List<StageVisit> visits(List<StageEvent> events) {
    final List<StageVisit> visits = new ArrayList<>();
    for (final StageEvent event : events) {
      if (event.type() == StageEvent.Type.ENTERED) {
        visits.add(new StageVisit(event.stage(), event.occurredAt(), Optional.empty()));
      } else {
        closeLatestOpen(visits, event);
      }
    }
    return List.copyOf(visits);
  }

  private static void closeLatestOpen(List<StageVisit> visits, StageEvent left) {
    for (int i = visits.size() - 1; i >= 0; i--) {
      final StageVisit visit = visits.get(i);
      if (visit.stage().equals(left.stage()) && visit.leftAt().isEmpty()) {
        visits.set(i, new StageVisit(visit.stage(), visit.enteredAt(), Optional.of(left.occurredAt())));
        return;
      }
    }
  }
}
