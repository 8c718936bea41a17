package io.learnops.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.engine.record.Intent.ProcessInstanceIntent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DesignProcessTest {

  @RegisterExtension static final EngineExtension ENGINE = new EngineExtension();

  @BeforeAll
  static void deploy() {
    ENGINE.deploy("design.bpmn", "needs-analysis.form", "vendor-selection.form", "course-design.form",
        "content-development.form");
  }

  @Test
  void buying_collects_quotes_until_the_deadline_and_selects_a_vendor() {
    long design = ENGINE.start("design", Fixtures.merge(Fixtures.request("P-200"), Fixtures.sla()));
    ENGINE.completeUserTask(design, "AnalyseNeeds", Map.of("designChoice", "buy", "learningObjectives", "Handle GDPR requests",
        "deliveryFormat", "virtual", "estimatedBudget", 20000, "riskLevel", "medium", "complianceRelated", true));
    ENGINE.completeJob(design, "learnops.design.list-vendors", Map.of("vendors",
        List.of(Map.of("id", "v1", "name", "Acme Learning"), Map.of("id", "v2", "name", "Slow Corp"))));

    // when one vendor answers and the other misses the deadline
    var first = ENGINE.completeJob(design, "learnops.design.request-quote", Map.of("quoteRequestId", "rfq-1"));
    var second = ENGINE.completeJob(design, "learnops.design.request-quote", Map.of("quoteRequestId", "rfq-2"));
    assertThat(List.of(first.getVariablesAsMap().get("vendor"), second.getVariablesAsMap().get("vendor")))
        .hasSize(2).doesNotHaveDuplicates();
    ENGINE.awaitElement(design, "ReceiveQuote", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    ENGINE.publish("learnops.vendor.quote-received", "rfq-1",
        Map.of("quote", Map.of("vendorId", "v1", "amount", 18000, "currency", "EUR")));
    ENGINE.awaitElement(design, "QuoteReceived", ProcessInstanceIntent.ELEMENT_COMPLETED);
    ENGINE.advanceClock(Duration.ofDays(14));

    // then the designer selects among the quotes and the design is recorded as bought
    ENGINE.completeUserTask(design, "SelectVendor", Map.of("selectedVendor", Map.of("id", "v1", "name", "Acme Learning"),
        "quotedCost", 18000));
    var record = ENGINE.completeJob(design, "learnops.design.record-design", Map.of("designVersion", 1, "budget", 18000));
    assertThat(record.getVariablesAsMap()).containsEntry("designChoice", "buy").containsEntry("quotedCost", 18000);
    ENGINE.awaitCompleted(design);
    assertThat(ENGINE.completedElements(design)).contains("QuoteReceived", "QuoteDeadline", "SelectVendor")
        .doesNotContain("FallBackToBuild", "DesignCourse");
  }

  @Test
  void without_any_quote_the_program_is_built_in_house() {
    long design = ENGINE.start("design", Fixtures.merge(Fixtures.request("P-201"), Fixtures.sla()));
    ENGINE.completeUserTask(design, "AnalyseNeeds", Map.of("designChoice", "buy", "learningObjectives", "Handle GDPR requests",
        "deliveryFormat", "e-learning", "estimatedBudget", 8000, "riskLevel", "low", "complianceRelated", false));
    ENGINE.completeJob(design, "learnops.design.list-vendors", Map.of("vendors", List.of(Map.of("id", "v3", "name", "Busy Ltd"))));

    ENGINE.throwError(design, "learnops.design.request-quote", "VENDOR_UNAVAILABLE");

    ENGINE.completeUserTask(design, "DesignCourse", Map.of("designDocumentUrl", "https://docs/d1", "plannedHours", 2));
    ENGINE.completeUserTask(design, "DevelopContent", Map.of("contentPackageUrl", "https://lms/pkg", "estimatedBudget", 9000));
    var record = ENGINE.completeJob(design, "learnops.design.record-design", Map.of("designVersion", 1, "budget", 9000));
    assertThat(record.getVariablesAsMap()).containsEntry("designChoice", "build");
    ENGINE.awaitCompleted(design);
    assertThat(ENGINE.completedElements(design))
        .containsSubsequence("VendorUnavailable", "FallBackToBuild", "DesignCourse", "DevelopContent", "RecordDesign")
        .doesNotContain("SelectVendor");
  }
}
