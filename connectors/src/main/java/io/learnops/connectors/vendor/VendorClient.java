package io.learnops.connectors.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnops.connectors.http.BusinessRejection;
import io.learnops.connectors.http.ConnectorHttp;
import io.learnops.connectors.http.ConnectorRuntime;
import io.learnops.connectors.http.HttpCall;
import io.learnops.connectors.http.JsonSupport;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A vendor's procurement API: requests for quotation and purchase orders.
 *
 * <p>Both POSTs take the caller's idempotency key (sent as {@code Idempotency-Key} on every
 * attempt). A worker derives it from the process (e.g. process instance key + element id), so a
 * retried job does not order twice. Errors are RFC 9457 problem details; the code is the
 * problem's {@code code} member, else the last segment of its {@code type} URI, else
 * {@code http_<status>}, prefixed with {@code vendor.}.
 */
public final class VendorClient {

  static final String SYSTEM = "vendor";

  private final VendorSettings settings;
  private final ConnectorHttp http;
  private final JsonSupport json = new JsonSupport(SYSTEM);

  public VendorClient(VendorSettings settings, ConnectorRuntime runtime) {
    this.settings = settings;
    this.http = new ConnectorHttp(SYSTEM, settings.timeouts(), settings.retryPolicy(), runtime,
        this::rejection);
  }

  /** {@code POST quote-requests}. */
  public QuoteRequestReceipt requestQuote(QuoteRequest request, String idempotencyKey) {
    ObjectNode body = json.mapper().createObjectNode();
    body.put("programRef", request.programRef());
    body.put("title", request.title());
    body.put("description", request.description());
    body.put("participants", request.participants());
    ObjectNode window = body.putObject("deliveryWindow");
    window.put("from", request.deliverFrom().toString());
    window.put("until", request.deliverUntil().toString());
    body.put("currency", request.currency());
    JsonNode answer = post("quote-requests", body, idempotencyKey);
    return new QuoteRequestReceipt(json.requiredText(answer, "id"),
        json.requiredText(answer, "status"));
  }

  /** {@code GET quote-requests/{id}/quotes}: the quotes received so far. */
  public List<Quote> quotes(String quoteRequestId) {
    JsonNode answer = get("quote-requests/" + segment(quoteRequestId) + "/quotes");
    JsonNode quotes = json.required(answer, "quotes");
    if (!quotes.isArray()) {
      throw json.malformed("'quotes' is not an array", null);
    }
    List<Quote> result = new ArrayList<>();
    for (JsonNode q : quotes) {
      result.add(new Quote(json.requiredText(q, "id"), quoteRequestId,
          money(json.required(q, "total")), date(json.requiredText(q, "validUntil")),
          json.requiredText(q, "status")));
    }
    return result;
  }

  /** {@code POST purchase-orders}. */
  public PurchaseOrderConfirmation placePurchaseOrder(PurchaseOrder order, String idempotencyKey) {
    ObjectNode body = json.mapper().createObjectNode();
    body.put("poNumber", order.poNumber());
    body.put("quoteId", order.quoteId());
    body.set("total", money(order.total()));
    body.putObject("billTo").put("costCenter", order.costCenter());
    ArrayNode lines = body.putArray("lines");
    for (PurchaseOrder.Line line : order.lines()) {
      ObjectNode l = lines.addObject();
      l.put("description", line.description());
      l.put("quantity", line.quantity());
      l.set("unitPrice", money(line.unitPrice()));
    }
    return confirmation(post("purchase-orders", body, idempotencyKey));
  }

  /** {@code GET purchase-orders/{id}}; unknown is empty. */
  public Optional<PurchaseOrderConfirmation> purchaseOrder(String vendorOrderId) {
    try {
      return Optional.of(confirmation(get("purchase-orders/" + segment(vendorOrderId))));
    } catch (BusinessRejection rejection) {
      if (rejection.httpStatus().filter(status -> status == 404).isPresent()) {
        return Optional.empty();
      }
      throw rejection;
    }
  }

  private PurchaseOrderConfirmation confirmation(JsonNode answer) {
    return new PurchaseOrderConfirmation(json.requiredText(answer, "id"),
        json.requiredText(answer, "poNumber"), json.requiredText(answer, "status"));
  }

  private JsonNode post(String path, ObjectNode body, String idempotencyKey) {
    HttpCall call = HttpCall.post(settings.baseUrl().resolve(path), "application/json",
            json.write(body))
        .withIdempotencyKey(idempotencyKey);
    return json.read(http.execute(authorised(call)).body());
  }

  private JsonNode get(String path) {
    return json.read(http.execute(authorised(HttpCall.get(settings.baseUrl().resolve(path))))
        .body());
  }

  private HttpCall authorised(HttpCall call) {
    return call.withHeader("Authorization", "Bearer " + settings.apiKey())
        .withHeader("Accept", "application/json, application/problem+json");
  }

  private BusinessRejection rejection(String system, int status, byte[] body) {
    String code = null;
    String detail = null;
    try {
      JsonNode problem = json.mapper().readTree(body);
      code = JsonSupport.textOrNull(problem, "code");
      String type = JsonSupport.textOrNull(problem, "type");
      if (code == null && type != null && !type.equals("about:blank")) {
        code = type.substring(type.lastIndexOf('/') + 1);
      }
      detail = Optional.ofNullable(JsonSupport.textOrNull(problem, "detail"))
          .orElse(JsonSupport.textOrNull(problem, "title"));
    } catch (IOException | RuntimeException notProblemJson) {
      // plain-text or HTML error page: the status is all we have
    }
    String normalised = code == null || code.isBlank() ? "http_" + status
        : code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return new BusinessRejection(system, system + "." + normalised, detail, status);
  }

  private ObjectNode money(Money money) {
    ObjectNode node = json.mapper().createObjectNode();
    node.put("amount", money.amount().toPlainString());
    node.put("currency", money.currency());
    return node;
  }

  private Money money(JsonNode node) {
    try {
      return new Money(new BigDecimal(json.requiredText(node, "amount")),
          json.requiredText(node, "currency"));
    } catch (IllegalArgumentException e) {
      throw json.malformed("not a money value: " + node, e);
    }
  }

  private LocalDate date(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw json.malformed("not an ISO date: " + value, e);
    }
  }

  private static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
