package io.learnops.workers.support;

import io.learnops.connectors.vendor.VendorClient;

/** The vendor API client for one vendor: each vendor runs its own procurement API. */
@FunctionalInterface
public interface VendorClients {

  VendorClient forVendor(String vendorId);
}
