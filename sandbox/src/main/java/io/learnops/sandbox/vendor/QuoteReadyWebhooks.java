package io.learnops.sandbox.vendor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnops.sandbox.vendor.VendorRecords.Quote;
import io.learnops.sandbox.vendor.VendorRecords.QuoteRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@code quote.ready} callback, signed as Standard Webhooks 1.0 prescribes
 * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64 HMAC>}),
 * when a demo vendor has quoted. Delivery is asynchronous, so a callback to the app itself never
 * waits for the request that caused it; a failed delivery is retried twice (after 1 s and 5 s)
 * under the same {@code webhook-id}, as a real sender retries.
 */
public final class QuoteReadyWebhooks implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(QuoteReadyWebhooks.class);
  private static final List<Duration> RETRIES = List.of(Duration.ofSeconds(1),
      Duration.ofSeconds(5));

  private final Supplier<Optional<URI>> target;
  private final byte[] key;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(
      runnable -> {
        Thread thread = new Thread(runnable, "sandbox-vendor-webhooks");
        thread.setDaemon(true);
        return thread;
      });

  /**
   * @param target where to send, resolved at send time (a relative URL needs the app's port,
   *     known only once the server runs); empty sends nothing
   * @param secret {@code whsec_<base64>}
   */
  public QuoteReadyWebhooks(Supplier<Optional<URI>> target, String secret, ObjectMapper mapper,
      Clock clock) {
    this.target = target;
    this.key = Base64.getDecoder().decode(secret.startsWith("whsec_")
        ? secret.substring("whsec_".length()) : secret);
    this.mapper = mapper;
    this.clock = clock;
  }

  void quoteReady(DemoVendor vendor, QuoteRequest request, Quote quote) {
    Optional<URI> uri = target.get();
    if (uri.isEmpty()) {
      return;
    }
    String id = "msg_" + vendor.id() + "_" + quote.id();
    byte[] body = body(vendor, request, quote);
    sender.execute(() -> deliver(uri.get(), id, body, 0));
  }

  private void deliver(URI uri, String id, byte[] body, int attempt) {
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("webhook-id", id)
        .header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", signature(id, timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status >= 200 && status < 300) {
        return;
      }
      retry(uri, id, body, attempt, "HTTP " + status);
    } catch (java.io.IOException e) {
      retry(uri, id, body, attempt, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void retry(URI uri, String id, byte[] body, int attempt, String failure) {
    if (attempt >= RETRIES.size()) {
      LOG.warn("Gave up delivering webhook {} to {}: {}", id, uri, failure);
      return;
    }
    sender.schedule(() -> deliver(uri, id, body, attempt + 1),
        RETRIES.get(attempt).toMillis(), TimeUnit.MILLISECONDS);
  }

  private byte[] body(DemoVendor vendor, QuoteRequest request, Quote quote) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("vendorId", vendor.id());
    data.put("vendorName", vendor.name());
    data.put("quoteRequestId", request.id());
    data.put("programRef", request.programRef());
    data.put("quoteId", quote.id());
    data.put("total", Map.of("amount", quote.amount().toPlainString(),
        "currency", quote.currency()));
    data.put("validUntil", quote.validUntil().toString());
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "quote.ready");
    event.put("timestamp", clock.instant().toString());
    event.put("data", data);
    try {
      return mapper.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a webhook body", e);
    }
  }

  private String signature(String id, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public void close() {
    sender.shutdownNow();
  }
}
