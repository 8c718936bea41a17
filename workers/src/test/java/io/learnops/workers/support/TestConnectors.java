package io.learnops.workers.support;

import io.learnops.connectors.hris.scim.ScimClient;
import io.learnops.connectors.hris.scim.ScimSettings;
import io.learnops.connectors.http.ConnectorRuntime;
import io.learnops.connectors.http.RetryPolicy;
import io.learnops.connectors.http.Timeouts;
import io.learnops.connectors.lms.moodle.MoodleClient;
import io.learnops.connectors.lms.moodle.MoodleSettings;
import io.learnops.connectors.lms.xapi.XapiClient;
import io.learnops.connectors.lms.xapi.XapiSettings;
import io.learnops.connectors.vendor.VendorClient;
import io.learnops.connectors.vendor.VendorSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Connector clients against a WireMock base URL: no waiting between the clients' own retries
 * (two attempts), generous timeouts so a loaded machine cannot fake a timeout.
 */
public final class TestConnectors {

  public static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private TestConnectors() {
  }

  public static ConnectorRuntime runtime() {
    return new ConnectorRuntime(Clock.fixed(NOW, ZoneOffset.UTC), duration -> { }, () -> 0.0);
  }

  public static ConnectorsProperties properties(String baseUrl) {
    return new ConnectorsProperties(
        new ConnectorsProperties.Moodle(URI.create(baseUrl + "/moodle"), "token", 7),
        new ConnectorsProperties.Scim(URI.create(baseUrl + "/scim/v2"), "token", 100, 1000),
        new ConnectorsProperties.Xapi(URI.create(baseUrl + "/xapi"), "user", "pass",
            "https://learnops.io/xapi/courses/", 10),
        new ConnectorsProperties.Vendor(URI.create(baseUrl + "/vendor"), java.util.Map.of(), "key", "EUR", "LND"),
        Duration.ofSeconds(5), Duration.ofSeconds(20));
  }

  private static Timeouts timeouts() {
    return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(20));
  }

  private static RetryPolicy retries() {
    return new RetryPolicy(2, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 0.0,
        Duration.ofSeconds(1));
  }

  public static MoodleClient moodle(String baseUrl) {
    return new MoodleClient(new MoodleSettings(URI.create(baseUrl + "/moodle"), "token",
        timeouts(), retries()), runtime());
  }

  public static ScimClient scim(String baseUrl) {
    return new ScimClient(new ScimSettings(URI.create(baseUrl + "/scim/v2"), "token", timeouts(),
        retries(), 100), runtime());
  }

  public static XapiClient xapi(String baseUrl) {
    return new XapiClient(new XapiSettings(URI.create(baseUrl + "/xapi"), "user", "pass",
        timeouts(), retries()), runtime());
  }

  /** Every vendor's API at {@code <baseUrl>/vendor/<vendorId>}, as separate vendors would run them. */
  public static VendorClients vendors(String baseUrl) {
    return vendorId -> new VendorClient(new VendorSettings(URI.create(baseUrl + "/vendor/" + vendorId), "key",
        timeouts(), retries()), runtime());
  }
}
