package io.learnops.app.delivery;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code learnops.delivery.cohort-completed} for a program, the message the delivery
 * stage waits for at {@code AwaitCompletions} (correlated by program id). Publishing twice is
 * harmless: the message id is the program's and the engine keeps one, so ops confirming by hand
 * and the LRS watcher detecting the same cohort cannot both move delivery on.
 */
@Component
class CohortCompletedMessage {

  static final String NAME = "learnops.delivery.cohort-completed";
  private static final Duration TIME_TO_LIVE = Duration.ofHours(1);

  private final CamundaClient client;

  CohortCompletedMessage(CamundaClient client) {
    this.client = client;
  }

  void publish(String programId) {
    try {
      client.newPublishMessageCommand().messageName(NAME).correlationKey(programId)
          .messageId("cohort-completed-" + programId).timeToLive(TIME_TO_LIVE).send().join();
    } catch (ClientException | CompletionException e) {
      // the engine refuses a message id it still holds: this cohort was already reported
      if (!String.valueOf(e.getMessage()).contains("already")) {
        throw e;
      }
    }
  }
}
