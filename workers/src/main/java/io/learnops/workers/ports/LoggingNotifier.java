package io.learnops.workers.ports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link Notifier}: logs the notification. The app replaces it with e-mail/inbox. */
public final class LoggingNotifier implements Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(LoggingNotifier.class);

  @Override
  public void send(Notification notification) {
    LOG.info("Notification {} for program {} to {}: {}", notification.key(),
        notification.programId(), notification.recipient(), notification.subject());
  }
}
