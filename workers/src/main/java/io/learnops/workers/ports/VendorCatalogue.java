package io.learnops.workers.ports;

import java.util.List;

/** Approved training vendors (the catalogue procurement maintains). */
public interface VendorCatalogue {

  List<CatalogueVendor> approvedVendors(String topic, String deliveryFormat);

  record CatalogueVendor(String id, String name, String contact) {
  }
}
