package io.learnops.app.vendors;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Inbound vendor webhooks (Standard Webhooks 1.0).
 *
 * @param secrets the signing secrets accepted ({@code whsec_<base64>}); list the new one next to
 *     the old one while a vendor rotates
 * @param tolerance how far a {@code webhook-timestamp} may be from now
 * @param quoteTimeToLive how long a quote that arrives before its process waits for it stays
 *     buffered
 */
@ConfigurationProperties("learnops.vendor-webhooks")
public record VendorWebhookProperties(
    List<String> secrets,
    @DefaultValue("5m") Duration tolerance,
    @DefaultValue("7d") Duration quoteTimeToLive) {

  public VendorWebhookProperties {
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
  }
}
