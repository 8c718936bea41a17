-- Vendor webhook ids already processed: a redelivery is acknowledged, not processed twice.
CREATE TABLE vendor_webhook (
  webhook_id  VARCHAR(200) PRIMARY KEY,
  received_at TIMESTAMP    NOT NULL
);
