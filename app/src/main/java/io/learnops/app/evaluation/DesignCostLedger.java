package io.learnops.app.evaluation;

import io.learnops.workers.ports.CostLedger;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fully loaded cost figures. The vendor invoice of purchase order {@code PO-<programId>-<vendorId>}
 * (the workers' PO number) is the quoted cost of the program's latest recorded design (no
 * finance system yet); internal and learner effort and their rates come from
 * {@link CostProperties}.
 */
@Component
@EnableConfigurationProperties(CostProperties.class)
class DesignCostLedger implements CostLedger {

  private static final int UUID_LENGTH = 36;

  private final JdbcClient jdbc;
  private final CostProperties costs;

  DesignCostLedger(JdbcClient jdbc, CostProperties costs) {
    this.jdbc = jdbc;
    this.costs = costs;
  }

  @Override
  public BigDecimal vendorInvoice(String purchaseOrderId) {
    return programOf(purchaseOrderId)
        .flatMap(programId -> jdbc.sql("""
                select quoted_cost from program_design where program_id = :id and quoted_cost is not null
                 order by version desc limit 1""")
            .param("id", programId).query(BigDecimal.class).optional())
        .orElse(BigDecimal.ZERO);
  }

  @Override
  public Effort internalEffort(String programId) {
    return new Effort(costs.internalHours(), costs.internalHourlyRate());
  }

  @Override
  public Effort learnerEffort(String programId) {
    return new Effort(costs.learnerHours(), costs.learnerHourlyRate());
  }

  /** {@code PO-<36-character program id>-<vendorId>} → the program id. */
  static Optional<String> programOf(String purchaseOrderId) {
    if (purchaseOrderId == null || !purchaseOrderId.startsWith("PO-") || purchaseOrderId.length() < 3 + UUID_LENGTH + 2
        || purchaseOrderId.charAt(3 + UUID_LENGTH) != '-') {
      return Optional.empty();
    }
    return Optional.of(purchaseOrderId.substring(3, 3 + UUID_LENGTH));
  }
}
