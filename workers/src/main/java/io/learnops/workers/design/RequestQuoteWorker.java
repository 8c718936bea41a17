package io.learnops.workers.design;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.learnops.connectors.vendor.QuoteRequest;
import io.learnops.workers.support.VendorClients;
import io.learnops.workers.support.ConnectorErrors;
import io.learnops.workers.support.ConnectorsProperties;
import io.learnops.workers.support.Variables;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code learnops.design.request-quote}: sends the RFQ to one vendor under the idempotency key
 * {@code learnops:rfq:<programId>:<designRound>:<vendorId>}, so a retried job gets the RFQ sent
 * first, while a design reworked after review ({@code reworkCount} = the round) asks the vendor
 * afresh: the first round's quote was already received, and the new objectives deserve a new
 * price. The
 * requested delivery window opens when the answer is due ({@code quoteDeadlineIn} from today)
 * and lasts {@link #DELIVERY_WINDOW}. A vendor's "no", or a vendor still unreachable on the
 * job's last retry, is {@code VENDOR_UNAVAILABLE} (the other vendors' quotes go on); before
 * that, a technical failure is retried with back-off.
 */
@Component
public class RequestQuoteWorker {

  static final String VENDOR_UNAVAILABLE = "VENDOR_UNAVAILABLE";
  static final Period DELIVERY_WINDOW = Period.ofDays(90);

  private final VendorClients vendors;
  private final String currency;
  private final Clock clock;

  public RequestQuoteWorker(VendorClients vendors, ConnectorsProperties properties, Clock clock) {
    this.vendors = vendors;
    this.currency = properties.vendor().currency();
    this.clock = clock;
  }

  @JobWorker(type = "learnops.design.request-quote", fetchVariables = {"programId", "vendor",
      "learningObjectives", "quoteDeadlineIn", "title", "audienceSize", "reworkCount"})
  public Result requestQuote(ActivatedJob job, @Variable(name = "programId") String programId,
      @Variable(name = "vendor") Map<String, Object> vendor,
      @Variable(name = "learningObjectives") Object learningObjectives,
      @Variable(name = "quoteDeadlineIn") String quoteDeadlineIn,
      @Variable(name = "title") String title,
      @Variable(name = "audienceSize") Object audienceSize,
      @Variable(name = "reworkCount") Object reworkCount) {
    String vendorId = Variables.field(vendor, "id").orElseThrow(() -> CamundaError.jobError(
        "vendor has no id", null, 0, Duration.ZERO));
    LocalDate from = LocalDate.now(clock.withZone(ZoneOffset.UTC))
        .plus(Period.parse(quoteDeadlineIn == null ? "P14D" : quoteDeadlineIn));
    QuoteRequest request = new QuoteRequest(programId, title == null ? programId : title,
        Variables.lines(learningObjectives),
        Variables.decimal(audienceSize).map(n -> Math.max(1, n.intValue())).orElse(1), from,
        from.plus(DELIVERY_WINDOW), currency);
    try {
      return new Result(ConnectorErrors.call(job,
          () -> vendors.forVendor(vendorId).requestQuote(request,
              idempotencyKey(programId, Variables.decimal(reworkCount).map(Number::intValue).orElse(0), vendorId)),
          rejection -> ConnectorErrors.bpmnError(VENDOR_UNAVAILABLE, rejection, "vendorError"))
          .quoteRequestId());
    } catch (JobError failure) {
      if (failure.getRetries() != null && failure.getRetries() == 0) {
        throw CamundaError.bpmnError(VENDOR_UNAVAILABLE, failure.getErrorMessage(),
            Map.of("vendorError", failure.getErrorMessage()));
      }
      throw failure;
    }
  }

  static String idempotencyKey(String programId, int designRound, String vendorId) {
    return "learnops:rfq:" + programId + ":" + designRound + ":" + vendorId;
  }

  public record Result(String quoteRequestId) {
  }
}
