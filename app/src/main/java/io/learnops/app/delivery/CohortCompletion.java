package io.learnops.app.delivery;

import io.learnops.app.programs.Program;
import io.learnops.app.programs.ProgramService;
import io.learnops.app.programs.ProgramStatus;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * L&D ops confirm that a program's cohort has finished: the delivery stage, which waits for the
 * message {@code learnops.delivery.cohort-completed} (correlated by program id) or its deadline,
 * goes on to collect the completions. Only a program in delivery can be confirmed, so the message
 * never waits for a delivery stage that has not started. Confirming twice is harmless (see
 * {@link CohortCompletedMessage}). For cohorts the LRS shows as finished, {@link
 * CohortProgressWatcher} sends the same message without anyone confirming.
 */
@Component
class CohortCompletion {

  private final ProgramService programs;
  private final CohortCompletedMessage message;

  CohortCompletion(ProgramService programs, CohortCompletedMessage message) {
    this.programs = programs;
    this.message = message;
  }

  void confirm(UUID programId) {
    final Program program = programs.find(programId).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
        "No learning program with id " + programId));
    final boolean inDelivery = program.status() == ProgramStatus.ACTIVE
        && program.currentStage().map(stage -> stage.equalsIgnoreCase("delivery")).orElse(false);
    if (!inDelivery) {
      throw problem(HttpStatus.CONFLICT, "Program %s is not in delivery (it is %s, stage %s)"
          .formatted(programId, program.status(), program.currentStage().orElse("none")));
    }
    message.publish(programId.toString());
  }

  private static ErrorResponseException problem(HttpStatus status, String detail) {
    return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
