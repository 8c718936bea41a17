package io.learnops.workers.design;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.learnops.workers.ports.VendorCatalogue;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.design.list-vendors}: approved vendors for the topic and format from the
 * {@link VendorCatalogue}. An empty list is a valid answer (the program is then built).
 */
@Component
public class ListVendorsWorker {

  private final VendorCatalogue catalogue;

  public ListVendorsWorker(VendorCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @JobWorker(type = "learnops.design.list-vendors",
      fetchVariables = {"programId", "topic", "deliveryFormat"})
  public Result listVendors(@Variable(name = "programId") String programId,
      @Variable(name = "topic") String topic,
      @Variable(name = "deliveryFormat") String deliveryFormat) {
    return new Result(catalogue.approvedVendors(topic, deliveryFormat).stream()
        .map(v -> new Vendor(v.id(), v.name(), v.contact())).toList());
  }

  public record Vendor(String id, String name, String contact) {
  }

  public record Result(List<Vendor> vendors) {
  }
}
