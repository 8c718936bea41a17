package io.learnops.connectors.vendor;

import io.learnops.connectors.http.RetryPolicy;
import io.learnops.connectors.http.Timeouts;
import java.net.URI;
import java.util.Objects;

/**
 * A training vendor's procurement API (the contract is in {@code connectors/README.md}).
 *
 * @param baseUrl e.g. {@code https://api.vendor.example/v1/}
 * @param apiKey sent as a bearer token
 */
public record VendorSettings(URI baseUrl, String apiKey, Timeouts timeouts,
    RetryPolicy retryPolicy) {

  public VendorSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey must be set");
    }
    if (!baseUrl.getPath().endsWith("/")) {
      baseUrl = URI.create(baseUrl + "/");
    }
  }

  @Override
  public String toString() {
    return "VendorSettings[baseUrl=" + baseUrl + ", apiKey=***]";
  }
}
