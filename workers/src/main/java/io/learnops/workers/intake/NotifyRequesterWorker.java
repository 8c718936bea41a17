package io.learnops.workers.intake;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.learnops.workers.ports.Notifier;
import io.learnops.workers.support.Variables;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.intake.notify-requester}: tells the requester the intake decision and reason.
 * The notification key is programId + decision, so a retried job (or the notifier) can drop the
 * repeat.
 */
@Component
public class NotifyRequesterWorker {

  private final Notifier notifier;

  public NotifyRequesterWorker(Notifier notifier) {
    this.notifier = notifier;
  }

  @JobWorker(type = "learnops.intake.notify-requester",
      fetchVariables = {"programId", "requester", "decision", "reason"})
  public void notifyRequester(@Variable(name = "programId") String programId,
      @Variable(name = "requester") Object requester,
      @Variable(name = "decision") String decision, @Variable(name = "reason") Object reason) {
    String text = Variables.text(reason).orElse("");
    notifier.send(new Notifier.Notification("intake:" + programId + ":" + decision, programId,
        String.valueOf(requester), subject(programId, decision), text));
  }

  static String subject(String programId, String decision) {
    return switch (decision == null ? "" : decision) {
      case "accept" -> "Your learning request " + programId + " was accepted";
      case "waitlist" -> "Your learning request " + programId + " is on the waitlist";
      case "decline" -> "Your learning request " + programId + " was declined";
      case "invalid" -> "Your learning request " + programId + " is incomplete";
      default -> "Your learning request " + programId + ": " + decision;
    };
  }
}
