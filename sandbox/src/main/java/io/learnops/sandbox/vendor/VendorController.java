package io.learnops.sandbox.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnops.sandbox.ConditionalOnSandboxEnabled;
import io.learnops.sandbox.SandboxProperties;
import io.learnops.sandbox.vendor.IdempotencyKeys.Answer;
import io.learnops.sandbox.vendor.IdempotencyKeys.Replayable;
import io.learnops.sandbox.vendor.VendorRecords.Order;
import io.learnops.sandbox.vendor.VendorRecords.Quote;
import io.learnops.sandbox.vendor.VendorRecords.QuoteRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendor procurement API of {@code connectors/README.md}, once per demo vendor at
 * {@code /sandbox/vendors/{vendorId}/}. Bearer API key; both POSTs need an
 * {@code Idempotency-Key}; errors are {@code application/problem+json}.
 */
@RestController
@ConditionalOnSandboxEnabled
@RequestMapping("/sandbox/vendors/{vendorId}")
public class VendorController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

  private final VendorState state;
  private final IdempotencyKeys keys;
  private final QuoteReadyWebhooks webhooks;
  private final byte[] apiKey;

  public VendorController(VendorState state, QuoteReadyWebhooks webhooks,
      SandboxProperties properties) {
    this.state = state;
    this.webhooks = webhooks;
    this.keys = state.idempotencyKeys();
    this.apiKey = ("Bearer " + properties.vendor().apiKey()).getBytes(StandardCharsets.UTF_8);
  }

  @PostMapping(path = "/quote-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> requestQuote(
      @PathVariable("vendorId") String vendorId,
      @RequestHeader HttpHeaders headers, @RequestBody JsonNode body) {
    DemoVendor vendor = authorised(vendorId, headers);
    Replayable result = keys.once(vendorId + " quote-requests", idempotencyKey(headers), body,
        () -> {
          QuoteRequest request = state.requestQuote(vendor, text(body, "programRef"),
              text(body, "title"), participants(body),
              date(body.path("deliveryWindow"), "from"),
              date(body.path("deliveryWindow"), "until"), text(body, "currency"));
          return new Answer(body, 201, Map.of("id", request.id(), "status", "received"));
        });
    if (!result.replayed()) {
      String requestId = (String) result.answer().body().get("id");
      state.quotes(vendor, requestId).forEach(
          quote -> webhooks.quoteReady(vendor, state.request(requestId), quote));
    }
    return replay(result);
  }

  @GetMapping("/quote-requests/{id}/quotes")
  public Map<String, Object> quotes(@PathVariable("vendorId") String vendorId,
      @PathVariable("id") String id,
      @RequestHeader HttpHeaders headers) {
    DemoVendor vendor = authorised(vendorId, headers);
    return Map.of("quotes", state.quotes(vendor, id).stream().map(this::quote).toList());
  }

  @PostMapping(path = "/purchase-orders", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> placeOrder(
      @PathVariable("vendorId") String vendorId,
      @RequestHeader HttpHeaders headers, @RequestBody JsonNode body) {
    DemoVendor vendor = authorised(vendorId, headers);
    Replayable result = keys.once(vendorId + " purchase-orders", idempotencyKey(headers), body,
        () -> {
          JsonNode total = body.path("total");
          Order order = state.placeOrder(vendor, text(body, "poNumber"), text(body, "quoteId"),
              amount(total), text(total, "currency"), text(body.path("billTo"), "costCenter"));
          return new Answer(body, 201, order(order));
        });
    return replay(result);
  }

  @GetMapping("/purchase-orders/{id}")
  public Map<String, Object> order(@PathVariable("vendorId") String vendorId,
      @PathVariable("id") String id,
      @RequestHeader HttpHeaders headers) {
    return order(state.order(authorised(vendorId, headers), id));
  }

  @ExceptionHandler(Problem.class)
  ResponseEntity<Map<String, Object>> problem(Problem problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", Problem.TYPE_BASE + problem.code());
    body.put("title", problem.title());
    body.put("status", problem.status());
    body.put("detail", problem.getMessage());
    body.put("code", problem.code());
    ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status())
        .contentType(PROBLEM);
    if (problem.status() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sandbox-vendor\"");
    }
    return response.body(body);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return problem(Problem.invalid("the body is not valid JSON"));
  }

  private DemoVendor authorised(String vendorId, HttpHeaders headers) {
    String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !MessageDigest.isEqual(apiKey,
        authorization.getBytes(StandardCharsets.UTF_8))) {
      throw new Problem(401, "unauthorized", "Unauthorized", "missing or unknown API key");
    }
    return state.vendor(vendorId);
  }

  private ResponseEntity<Map<String, Object>> replay(Replayable result) {
    return ResponseEntity.status(result.answer().status())
        .header("Idempotent-Replayed", Boolean.toString(result.replayed()))
        .body(result.answer().body());
  }

  private Map<String, Object> quote(Quote q) {
    Map<String, Object> quote = new LinkedHashMap<>();
    quote.put("id", q.id());
    quote.put("total", Map.of("amount", q.amount().toPlainString(), "currency", q.currency()));
    quote.put("validUntil", q.validUntil().toString());
    quote.put("status", q.status());
    return quote;
  }

  private Map<String, Object> order(Order o) {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("id", o.id());
    order.put("poNumber", o.poNumber());
    order.put("status", o.status());
    order.put("quoteId", o.quoteId());
    order.put("total", Map.of("amount", o.amount().toPlainString(), "currency", o.currency()));
    return order;
  }

  private static Optional<String> idempotencyKey(HttpHeaders headers) {
    return Optional.ofNullable(headers.getFirst(IDEMPOTENCY_KEY));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw Problem.invalid("'" + field + "' is required");
    }
    return value.asText();
  }

  private static int participants(JsonNode body) {
    JsonNode value = body.get("participants");
    if (value == null || !value.canConvertToInt() || value.asInt() < 1) {
      throw Problem.invalid("'participants' must be a positive integer");
    }
    return value.asInt();
  }

  private static LocalDate date(JsonNode node, String field) {
    try {
      return LocalDate.parse(text(node, field));
    } catch (DateTimeParseException e) {
      throw Problem.invalid("'" + field + "' is not an ISO date");
    }
  }

  /** Amounts are decimal strings: a JSON number is refused, as floats lose cents. */
  private static BigDecimal amount(JsonNode total) {
    try {
      return new BigDecimal(text(total, "amount"));
    } catch (NumberFormatException e) {
      throw Problem.invalid("'amount' is not a decimal string");
    }
  }
}
