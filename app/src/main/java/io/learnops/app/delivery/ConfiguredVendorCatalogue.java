package io.learnops.app.delivery;

import io.learnops.workers.ports.VendorCatalogue;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The vendor catalogue from configuration: a vendor qualifies when it lists the format (or no
 * formats) and a topic contained in the requested topic (or no topics), ignoring case.
 */
@Component
@EnableConfigurationProperties(VendorProperties.class)
class ConfiguredVendorCatalogue implements VendorCatalogue {

  private final List<VendorProperties.Vendor> vendors;

  ConfiguredVendorCatalogue(VendorProperties properties) {
    this.vendors = List.copyOf(properties.vendors());
  }

  @Override
  public List<CatalogueVendor> approvedVendors(String topic, String deliveryFormat) {
    return vendors.stream()
        .filter(v -> v.formats().isEmpty() || v.formats().stream().anyMatch(f -> f.equalsIgnoreCase(String.valueOf(deliveryFormat))))
        .filter(v -> v.topics().isEmpty() || v.topics().stream().anyMatch(t -> contains(topic, t)))
        .map(v -> new CatalogueVendor(v.id(), v.name(), v.contact()))
        .toList();
  }

  private static boolean contains(String topic, String keyword) {
    return topic != null && topic.toLowerCase(Locale.ROOT).contains(keyword.toLowerCase(Locale.ROOT));
  }
}
