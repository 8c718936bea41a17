package io.learnops.workers.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.exception.JobError;
import io.learnops.workers.ports.ProgramRegistry;
import io.learnops.workers.ports.VendorCatalogue;
import io.learnops.workers.support.Jobs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class DesignWorkersTest {

  @Test
  void vendors_come_from_the_catalogue_and_none_is_a_valid_answer() {
    VendorCatalogue catalogue = mock(VendorCatalogue.class);
    when(catalogue.approvedVendors("gdpr", "virtual"))
        .thenReturn(List.of(new VendorCatalogue.CatalogueVendor("v1", "Acme", "rfq@acme")));
    var worker = new ListVendorsWorker(catalogue);

    assertThat(worker.listVendors("P-1", "gdpr", "virtual").vendors())
        .containsExactly(new ListVendorsWorker.Vendor("v1", "Acme", "rfq@acme"));
    assertThat(worker.listVendors("P-1", "forklifts", "classroom").vendors()).isEmpty();
  }

  @Test
  void a_bought_design_asks_approval_for_the_quote_a_built_one_for_the_estimate() {
    ProgramRegistry registry = mock(ProgramRegistry.class);
    when(registry.recordDesign(any(), any())).thenReturn(3);
    var job = Jobs.job();
    when(job.getElementInstanceKey()).thenReturn(55L);
    var worker = new RecordDesignWorker(registry);

    var bought = worker.recordDesign(job, "P-1", "buy", "obj", Map.of("id", "v1"), 18000, 12000);
    var built = worker.recordDesign(job, "P-1", "build", "obj", null, null, "12000.50");

    assertThat(bought.designVersion()).isEqualTo(3);
    assertThat(bought.budget()).isEqualByComparingTo("18000");
    assertThat(built.budget()).isEqualByComparingTo("12000.50");
    var stored = ArgumentCaptor.forClass(ProgramRegistry.DesignPackage.class);
    verify(registry, org.mockito.Mockito.times(2)).recordDesign(eq("design:P-1:55"),
        stored.capture());
    assertThat(stored.getAllValues().get(0).selectedVendor()).contains(Map.of("id", "v1"));
  }

  @Test
  void a_design_without_the_amount_to_approve_is_an_incident() {
    var worker = new RecordDesignWorker(mock(ProgramRegistry.class));

    assertThatThrownBy(() -> worker.recordDesign(Jobs.job(), "P-1", "buy", "o", null, null, 5))
        .isInstanceOfSatisfying(JobError.class, e -> assertThat(e.getRetries()).isZero());
  }
}
