package io.learnops.workers.support;

import java.net.URI;
import java.util.Map;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the external systems are ({@code learnops.connectors.*}). The defaults point at the app's
 * sandbox stand-ins on {@code localhost:8080}, so a fresh checkout runs without real systems.
 */
@ConfigurationProperties("learnops.connectors")
public record ConnectorsProperties(
    @DefaultValue Moodle moodle,
    @DefaultValue Scim scim,
    @DefaultValue Xapi xapi,
    @DefaultValue Vendor vendor,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout) {

  /** Moodle web services: site root and web-service token; courses go into {@code categoryId}. */
  public record Moodle(
      @DefaultValue("http://localhost:8080/sandbox/moodle") URI baseUrl,
      @DefaultValue("sandbox-token") String token,
      @DefaultValue("1") long categoryId) {
  }

  /** SCIM 2.0 base URL ({@code …/scim/v2}) and bearer token; {@code maxAudience} caps a query. */
  public record Scim(
      @DefaultValue("http://localhost:8080/sandbox/scim/v2") URI baseUrl,
      @DefaultValue("sandbox-token") String token,
      @DefaultValue("100") int pageSize,
      @DefaultValue("10000") int maxAudience) {
  }

  /** xAPI LRS endpoint and Basic credentials; {@code activityBase} + courseId is the activity. */
  public record Xapi(
      @DefaultValue("http://localhost:8080/sandbox/xapi") URI baseUrl,
      @DefaultValue("sandbox") String username,
      @DefaultValue("sandbox") String password,
      @DefaultValue("https://learnops.io/xapi/courses/") String activityBase,
      @DefaultValue("50") int maxPages) {
  }

  /** Vendor procurement API, the currency of orders and the cost centre billed. */
  /**
   * @param baseUrl the vendor API of vendors without an entry in {@code baseUrls}
   * @param baseUrls each vendor's own API, by vendor id (RFQs and orders go to the vendor they name)
   */
  public record Vendor(
      @DefaultValue("http://localhost:8080/sandbox/vendor") URI baseUrl,
      Map<String, URI> baseUrls,
      @DefaultValue("sandbox-key") String apiKey,
      @DefaultValue("EUR") String currency,
      @DefaultValue("LND") String costCenter) {

    public Vendor {
      baseUrls = baseUrls == null ? Map.of() : Map.copyOf(baseUrls);
    }

    public URI baseUrlOf(String vendorId) {
      return baseUrls.getOrDefault(vendorId, baseUrl);
    }
  }
}
