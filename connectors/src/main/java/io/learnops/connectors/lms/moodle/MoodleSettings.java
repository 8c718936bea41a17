package io.learnops.connectors.lms.moodle;

import io.learnops.connectors.http.RetryPolicy;
import io.learnops.connectors.http.Timeouts;
import java.net.URI;
import java.util.Objects;

/**
 * Where the Moodle site is and how to call it.
 *
 * @param siteUrl the site root, e.g. {@code https://lms.example.org}; the client appends
 *     {@code /webservice/rest/server.php}
 * @param token a web-service token of a service that allows the functions this client calls
 */
public record MoodleSettings(URI siteUrl, String token, Timeouts timeouts, RetryPolicy retryPolicy) {

  public MoodleSettings {
    Objects.requireNonNull(siteUrl, "siteUrl");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("token must be set");
    }
  }

  @Override
  public String toString() {
    return "MoodleSettings[siteUrl=" + siteUrl + ", token=***, timeouts=" + timeouts
        + ", retryPolicy=" + retryPolicy + "]";
  }
}
