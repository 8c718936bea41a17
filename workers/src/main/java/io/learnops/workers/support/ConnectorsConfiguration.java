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
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One client per external system from {@link ConnectorsProperties}; the app may replace any. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorsProperties.class)
public class ConnectorsConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ConnectorRuntime connectorRuntime() {
    return ConnectorRuntime.system();
  }

  @Bean
  @ConditionalOnMissingBean
  Clock workersClock() {
    return Clock.systemUTC();
  }

  @Bean
  @ConditionalOnMissingBean
  MoodleClient moodleClient(ConnectorsProperties properties, ConnectorRuntime runtime) {
    var moodle = properties.moodle();
    return new MoodleClient(new MoodleSettings(moodle.baseUrl(), moodle.token(),
        timeouts(properties), RetryPolicy.defaults()), runtime);
  }

  @Bean
  @ConditionalOnMissingBean
  ScimClient scimClient(ConnectorsProperties properties, ConnectorRuntime runtime) {
    var scim = properties.scim();
    return new ScimClient(new ScimSettings(scim.baseUrl(), scim.token(), timeouts(properties),
        RetryPolicy.defaults(), scim.pageSize()), runtime);
  }

  @Bean
  @ConditionalOnMissingBean
  XapiClient xapiClient(ConnectorsProperties properties, ConnectorRuntime runtime) {
    var xapi = properties.xapi();
    return new XapiClient(new XapiSettings(xapi.baseUrl(), xapi.username(), xapi.password(),
        timeouts(properties), RetryPolicy.defaults()), runtime);
  }

  /** One client per vendor, made when a job first names the vendor (clients are thread-safe). */
  @Bean
  @ConditionalOnMissingBean
  VendorClients vendorClients(ConnectorsProperties properties, ConnectorRuntime runtime) {
    var vendor = properties.vendor();
    var clients = new java.util.concurrent.ConcurrentHashMap<String, VendorClient>();
    return vendorId -> clients.computeIfAbsent(vendorId, id -> new VendorClient(
        new VendorSettings(vendor.baseUrlOf(id), vendor.apiKey(), timeouts(properties), RetryPolicy.defaults()),
        runtime));
  }

  private static Timeouts timeouts(ConnectorsProperties properties) {
    return new Timeouts(properties.connectTimeout(), properties.readTimeout());
  }
}
