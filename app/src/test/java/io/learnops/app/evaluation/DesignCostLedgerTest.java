package io.learnops.app.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnops.app.support.TestDatabase;
import io.learnops.workers.ports.CostLedger.Effort;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class DesignCostLedgerTest {

  private static final String PROGRAM = "63795033-aa36-4e5b-9892-f5e32e5084ea";

  private JdbcClient jdbc;
  private DesignCostLedger ledger;

  @BeforeEach
  void database() {
    jdbc = TestDatabase.migrated().jdbc();
    ledger = new DesignCostLedger(jdbc, new CostProperties(new BigDecimal("40"), new BigDecimal("75.00"),
        new BigDecimal("2"), new BigDecimal("45.00")));
  }

  @Test
  void theInvoiceOfAPurchaseOrderIsTheQuotedCostOfTheLatestDesign() {
    // given two design versions with quotes
    design(1, "9000.00");
    design(2, "7600.00");

    // when the invoice of the program's purchase order is asked (twice: it only reads)
    // then it is the latest quote
    assertThat(ledger.vendorInvoice("PO-" + PROGRAM + "-brightpath-learning")).isEqualByComparingTo("7600.00");
    assertThat(ledger.vendorInvoice("PO-" + PROGRAM + "-brightpath-learning")).isEqualByComparingTo("7600.00");
  }

  @Test
  void noPurchaseOrderOrNoQuoteIsNothingInvoiced() {
    assertThat(ledger.vendorInvoice("PO-" + PROGRAM + "-skillforge")).isZero();
    assertThat(ledger.vendorInvoice("something-else")).isZero();
    assertThat(ledger.vendorInvoice(null)).isZero();
  }

  @Test
  void effortComesFromTheConfiguredHoursAndRates() {
    assertThat(ledger.internalEffort(PROGRAM)).isEqualTo(new Effort(new BigDecimal("40"), new BigDecimal("75.00")));
    assertThat(ledger.learnerEffort(PROGRAM)).isEqualTo(new Effort(new BigDecimal("2"), new BigDecimal("45.00")));
  }

  private void design(int version, String quote) {
    jdbc.sql("""
            insert into program_design (program_id, version, design_key, design_json, budget, quoted_cost, recorded_at)
            values (:id, :v, :key, '{}', :q, :q, current_timestamp)""")
        .param("id", PROGRAM).param("v", version).param("key", "k" + version).param("q", new BigDecimal(quote)).update();
  }
}
