package io.learnops.app.vendors;

import io.learnops.connectors.vendor.webhook.IdempotencyStore;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The webhook ids already processed, in the database: a redelivery is acknowledged but not
 * processed again, even after a restart or on another app node.
 */
@Component
class JdbcWebhookIds implements IdempotencyStore {

  private final JdbcClient jdbc;

  JdbcWebhookIds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean claim(String webhookId, Instant now) {
    try {
      jdbc.sql("INSERT INTO vendor_webhook (webhook_id, received_at) VALUES (:id, :at)")
          .param("id", webhookId)
          .param("at", Timestamp.from(now))
          .update();
      return true;
    } catch (DuplicateKeyException alreadyProcessed) {
      return false;
    }
  }

  @Override
  public void release(String webhookId) {
    jdbc.sql("DELETE FROM vendor_webhook WHERE webhook_id = :id").param("id", webhookId).update();
  }
}
