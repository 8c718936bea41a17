package io.learnops.workers.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.learnops.workers.ports.Notifier;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.review.send-reminder}: reminds the approver group that an approval waits. The
 * key includes the reminder's element instance, so each reminder is sent once however often its
 * job is retried.
 */
@Component
public class SendReminderWorker {

  private final Notifier notifier;

  public SendReminderWorker(Notifier notifier) {
    this.notifier = notifier;
  }

  @JobWorker(type = "learnops.review.send-reminder",
      fetchVariables = {"programId", "approverGroup", "title"})
  public void sendReminder(ActivatedJob job, @Variable(name = "programId") String programId,
      @Variable(name = "approverGroup") String approverGroup,
      @Variable(name = "title") String title) {
    notifier.send(new Notifier.Notification(
        "reminder:" + programId + ":" + approverGroup + ":" + job.getElementInstanceKey(),
        programId, approverGroup, "Reminder: approve " + (title == null ? programId : title),
        "The approval of learning program " + programId + " is waiting for your group."));
  }
}
