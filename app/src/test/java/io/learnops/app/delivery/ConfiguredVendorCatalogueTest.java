package io.learnops.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.workers.ports.VendorCatalogue.CatalogueVendor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;

/** The catalogue as application.yml configures it: the sandbox's three demo vendors. */
class ConfiguredVendorCatalogueTest {

  private final ConfiguredVendorCatalogue catalogue = new ConfiguredVendorCatalogue(applicationYml());

  @Test
  void theShippedCatalogueHasTheSandboxVendorsByFormat() {
    assertThat(catalogue.approvedVendors("GDPR", "blended")).extracting(CatalogueVendor::id)
        .containsExactly("brightpath-learning", "northwind-academy", "skillforge");
    assertThat(catalogue.approvedVendors("GDPR", "e-learning")).extracting(CatalogueVendor::id)
        .containsExactly("brightpath-learning");
    assertThat(catalogue.approvedVendors("GDPR", "podcast")).isEmpty();
  }

  @Test
  void aVendorWithTopicsOnlyQualifiesForATopicContainingOne() {
    final ConfiguredVendorCatalogue byTopic = new ConfiguredVendorCatalogue(new VendorProperties(List.of(
        new VendorProperties.Vendor("v1", "Legal Ltd", "a@legal.example", List.of("gdpr", "compliance"), List.of()))));

    assertThat(byTopic.approvedVendors("GDPR refresher", "virtual")).extracting(CatalogueVendor::id).containsExactly("v1");
    assertThat(byTopic.approvedVendors("Excel", "virtual")).isEmpty();
  }

  private static VendorProperties applicationYml() {
    try {
      final StandardEnvironment environment = new StandardEnvironment();
      new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yml"))
          .forEach(environment.getPropertySources()::addLast);
      return new Binder(ConfigurationPropertySources.get(environment))
          .bindOrCreate("learnops", VendorProperties.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
