package io.learnops.app.delivery;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.learnops.app.programs.Program;
import io.learnops.app.programs.ProgramService;
import io.learnops.app.programs.ProgramStatus;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * L&D ops confirm that a program's cohort has finished: the delivery stage, which waits for the
 * message {@code learnops.delivery.cohort-completed} (correlated by program id) or its deadline,
 * goes on to collect the completions. Only a program in delivery can be confirmed, so the message
 * never waits for a delivery stage that has not started. Confirming twice is harmless: the
 * message id is the program's, and the engine keeps one.
 */
@Component
class CohortCompletion {

  static final String MESSAGE = "learnops.delivery.cohort-completed";
  private static final Duration TIME_TO_LIVE = Duration.ofHours(1);

  private final ProgramService programs;
  private final CamundaClient client;

  CohortCompletion(ProgramService programs, CamundaClient client) {
    this.programs = programs;
    this.client = client;
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
    try {
      client.newPublishMessageCommand().messageName(MESSAGE).correlationKey(programId.toString())
          .messageId("cohort-completed-" + programId).timeToLive(TIME_TO_LIVE).send().join();
    } catch (ClientException | CompletionException e) {
      if (!String.valueOf(e.getMessage()).contains("already")) {
        throw e;
      }
    }
  }

  private static ErrorResponseException problem(HttpStatus status, String detail) {
    return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
