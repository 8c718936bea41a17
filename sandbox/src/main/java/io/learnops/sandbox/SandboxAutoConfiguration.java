package io.learnops.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnops.sandbox.admin.AdminController;
import io.learnops.sandbox.admin.LearnerSimulator;
import io.learnops.sandbox.admin.OutageInterceptor;
import io.learnops.sandbox.admin.OutageSwitch;
import io.learnops.sandbox.admin.SandboxReset;
import io.learnops.sandbox.moodle.CompletionsFromStatements;
import io.learnops.sandbox.moodle.MoodleController;
import io.learnops.sandbox.moodle.MoodleState;
import io.learnops.sandbox.org.DemoOrganisation;
import io.learnops.sandbox.org.OrganisationGenerator;
import io.learnops.sandbox.scim.ScimController;
import io.learnops.sandbox.vendor.QuoteReadyWebhooks;
import io.learnops.sandbox.vendor.VendorController;
import io.learnops.sandbox.vendor.VendorState;
import io.learnops.sandbox.xapi.StatementStore;
import io.learnops.sandbox.xapi.XapiController;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the stand-ins under {@code /sandbox} when {@code learnops.sandbox.enabled=true}. The
 * beans are named {@code sandbox…} and none is a plain {@link Clock} or {@link ObjectMapper}, so
 * the sandbox never replaces or competes with the app's own beans.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnSandboxEnabled
@EnableConfigurationProperties(SandboxProperties.class)
@Import({MoodleController.class, ScimController.class, XapiController.class,
    VendorController.class, AdminController.class})
public class SandboxAutoConfiguration {

  private final Clock clock = Clock.systemUTC();

  @Bean
  DemoOrganisation sandboxOrganisation(SandboxProperties properties) {
    return new OrganisationGenerator(properties.seed(), properties.employees(),
        properties.emailDomain()).generate();
  }

  @Bean
  MoodleState sandboxMoodleState() {
    return new MoodleState();
  }

  @Bean
  StatementStore sandboxStatementStore(MoodleState moodle) {
    StatementStore store = new StatementStore(clock);
    store.addListener(new CompletionsFromStatements(moodle));
    return store;
  }

  @Bean
  VendorState sandboxVendorState() {
    return new VendorState(clock);
  }

  /**
   * The vendors' callbacks. A relative URL is resolved against {@code local.server.port} when a
   * callback is sent, because the port is only known once the server runs.
   */
  @Bean
  QuoteReadyWebhooks sandboxQuoteReadyWebhooks(SandboxProperties properties,
      Environment environment, ObjectMapper mapper) {
    Optional<String> url = Optional.ofNullable(properties.vendor().webhookUrl())
        .filter(u -> !u.isBlank());
    Supplier<Optional<URI>> target = () -> url.flatMap(u -> u.startsWith("/")
        ? Optional.ofNullable(environment.getProperty("local.server.port"))
            .map(port -> URI.create("http://localhost:" + port + u))
        : Optional.of(URI.create(u)));
    return new QuoteReadyWebhooks(target, properties.vendor().webhookSecret(), mapper, clock);
  }

  @Bean
  OutageSwitch sandboxOutageSwitch() {
    return new OutageSwitch();
  }

  @Bean
  LearnerSimulator sandboxLearnerSimulator(StatementStore lrs, MoodleState moodle,
      ObjectMapper mapper, SandboxProperties properties) {
    return new LearnerSimulator(lrs, moodle, mapper, clock, properties.seed());
  }

  @Bean
  SandboxReset sandboxReset(MoodleState moodle, StatementStore lrs, VendorState vendors,
      OutageSwitch outages) {
    return new SandboxReset(moodle, lrs, vendors, outages);
  }

  @Bean
  WebMvcConfigurer sandboxOutages(OutageSwitch outages) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new OutageInterceptor(outages)).addPathPatterns("/sandbox/**");
      }
    };
  }
}
