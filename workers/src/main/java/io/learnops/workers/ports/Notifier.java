package io.learnops.workers.ports;

/**
 * Sends a notification (e-mail, inbox). {@code key} is the same for every delivery of one job,
 * so an implementation can drop a repeat of a retried job.
 */
public interface Notifier {

  void send(Notification notification);

  /** @param recipient a user id or e-mail, or a candidate group such as {@code ld-manager} */
  record Notification(String key, String programId, String recipient, String subject,
      String body) {
  }
}
