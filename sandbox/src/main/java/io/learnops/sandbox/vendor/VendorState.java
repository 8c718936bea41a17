package io.learnops.sandbox.vendor;

import io.learnops.sandbox.vendor.VendorRecords.Order;
import io.learnops.sandbox.vendor.VendorRecords.Quote;
import io.learnops.sandbox.vendor.VendorRecords.QuoteRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo vendors' books. A vendor answers a request for quotation at once with one quote
 * (fixed fee + price per participant), valid for its validity period; an order must name an open,
 * unexpired quote of the same vendor and repeat its total.
 */
public final class VendorState {

  private final Clock clock;
  private final Map<String, DemoVendor> vendors = new LinkedHashMap<>();
  private final Map<String, QuoteRequest> requests = new LinkedHashMap<>();
  private final Map<String, Quote> quotes = new LinkedHashMap<>();
  private final Map<String, Order> orders = new LinkedHashMap<>();
  private final IdempotencyKeys keys = new IdempotencyKeys();
  private int sequence;

  public VendorState(Clock clock) {
    this.clock = clock;
    DemoVendor.all().forEach(v -> vendors.put(v.id(), v));
  }

  public List<DemoVendor> vendors() {
    return List.copyOf(vendors.values());
  }

  IdempotencyKeys idempotencyKeys() {
    return keys;
  }

  DemoVendor vendor(String id) {
    return Optional.ofNullable(vendors.get(id))
        .orElseThrow(() -> Problem.notFound("vendor " + id));
  }

  synchronized QuoteRequest requestQuote(DemoVendor vendor, String programRef, String title,
      int participants, LocalDate from, LocalDate until, String currency) {
    if (!vendor.currencies().contains(currency)) {
      throw Problem.unprocessable("unsupported_currency", "Currency not invoiced",
          vendor.name() + " invoices in " + vendor.currencies() + ", not " + currency);
    }
    if (participants > vendor.maxParticipants()) {
      throw Problem.unprocessable("capacity_exceeded", "Too many participants",
          vendor.name() + " trains at most " + vendor.maxParticipants() + " participants");
    }
    if (until.isBefore(from)) {
      throw Problem.invalid("deliveryWindow ends before it starts");
    }
    QuoteRequest request = new QuoteRequest(nextId("rfq"), vendor.id(), programRef, title,
        participants, from, until, currency);
    requests.put(request.id(), request);
    Quote quote = new Quote(nextId("q"), request.id(), vendor.price(participants), currency,
        LocalDate.now(clock).plusDays(vendor.quoteValidityDays()), "open");
    quotes.put(quote.id(), quote);
    return request;
  }

  synchronized List<Quote> quotes(DemoVendor vendor, String quoteRequestId) {
    QuoteRequest request = Optional.ofNullable(requests.get(quoteRequestId))
        .filter(r -> r.vendorId().equals(vendor.id()))
        .orElseThrow(() -> Problem.notFound("quote request " + quoteRequestId));
    List<Quote> found = new ArrayList<>();
    quotes.values().stream().filter(q -> q.quoteRequestId().equals(request.id()))
        .map(this::expired).forEach(found::add);
    return found;
  }

  synchronized QuoteRequest request(String id) {
    return Optional.ofNullable(requests.get(id))
        .orElseThrow(() -> Problem.notFound("quote request " + id));
  }

  synchronized Order placeOrder(DemoVendor vendor, String poNumber, String quoteId,
      BigDecimal amount, String currency, String costCenter) {
    Quote quote = Optional.ofNullable(quotes.get(quoteId)).map(this::expired)
        .filter(q -> requests.get(q.quoteRequestId()).vendorId().equals(vendor.id()))
        .orElseThrow(() -> Problem.unprocessable("invalid_quote", "Unknown quote",
            "quote " + quoteId + " is not a quote of " + vendor.name()));
    if (quote.status().equals("expired")) {
      throw Problem.unprocessable("quote_expired", "Quote expired",
          "quote " + quoteId + " was valid until " + quote.validUntil());
    }
    if (!quote.status().equals("open")) {
      throw new Problem(409, "quote_already_ordered", "Quote already ordered",
          "quote " + quoteId + " is " + quote.status());
    }
    if (amount.compareTo(quote.amount()) != 0 || !currency.equals(quote.currency())) {
      throw Problem.unprocessable("total_mismatch", "Total differs from the quote",
          "the quote's total is " + quote.amount().toPlainString() + " " + quote.currency());
    }
    if (orders.values().stream().anyMatch(o -> o.vendorId().equals(vendor.id())
        && o.poNumber().equals(poNumber))) {
      throw new Problem(409, "duplicate_po_number", "PO number already used",
          "purchase order " + poNumber + " was already placed with another idempotency key");
    }
    quotes.put(quoteId, quote.withStatus("accepted"));
    Order order = new Order(nextId("so"), vendor.id(), poNumber, quoteId, quote.amount(),
        currency, costCenter, "confirmed");
    orders.put(order.id(), order);
    return order;
  }

  synchronized Order order(DemoVendor vendor, String id) {
    return Optional.ofNullable(orders.get(id)).filter(o -> o.vendorId().equals(vendor.id()))
        .orElseThrow(() -> Problem.notFound("purchase order " + id));
  }

  /** Forgets every request, quote, order and idempotency key. */
  public synchronized void clear() {
    keys.clear();
    requests.clear();
    quotes.clear();
    orders.clear();
  }

  private Quote expired(Quote quote) {
    return quote.status().equals("open") && quote.validUntil().isBefore(LocalDate.now(clock))
        ? quote.withStatus("expired") : quote;
  }

  private String nextId(String prefix) {
    return String.format("%s-%06d", prefix, ++sequence);
  }
}
