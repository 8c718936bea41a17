package io.learnops.connectors.hris.scim;

import io.learnops.connectors.http.RetryPolicy;
import io.learnops.connectors.http.Timeouts;
import java.net.URI;
import java.util.Objects;

/**
 * A SCIM 2.0 service provider.
 *
 * @param baseUrl the SCIM base, e.g. {@code https://hris.example.org/scim/v2/}
 * @param bearerToken OAuth bearer token with read access to {@code /Users}
 * @param pageSize {@code count} asked for per page when reading all matches
 */
public record ScimSettings(URI baseUrl, String bearerToken, Timeouts timeouts,
    RetryPolicy retryPolicy, int pageSize) {

  public ScimSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    if (bearerToken == null || bearerToken.isBlank()) {
      throw new IllegalArgumentException("bearerToken must be set");
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive");
    }
    if (!baseUrl.getPath().endsWith("/")) {
      baseUrl = URI.create(baseUrl + "/");
    }
  }

  @Override
  public String toString() {
    return "ScimSettings[baseUrl=" + baseUrl + ", bearerToken=***, pageSize=" + pageSize + "]";
  }
}
