package io.learnops.connectors.lms.xapi;

import io.learnops.connectors.http.RetryPolicy;
import io.learnops.connectors.http.Timeouts;
import java.net.URI;
import java.util.Objects;

/**
 * An LRS endpoint with Basic auth credentials (an LRS "client" key and secret).
 *
 * @param endpoint the xAPI base, e.g. {@code https://lrs.example.org/xapi/}; the client appends
 *     {@code statements}
 */
public record XapiSettings(URI endpoint, String username, String password, Timeouts timeouts,
    RetryPolicy retryPolicy) {

  public XapiSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    if (!endpoint.getPath().endsWith("/")) {
      endpoint = URI.create(endpoint + "/");
    }
  }

  @Override
  public String toString() {
    return "XapiSettings[endpoint=" + endpoint + ", username=" + username + ", password=***]";
  }
}
