package io.learnops.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Times one read the client makes all the time, the variables of one process instance, over REST:
 * as the client sends it (an equality the read model serves from its processInstanceKey index)
 * and as a one-key range, which no index serves, so the read model scans every variable.
 */
final class SearchProbe {

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI search;

  SearchProbe(int restPort) {
    this.search = URI.create("http://localhost:" + restPort + "/v2/variables/search");
  }

  record Latencies(Percentiles indexed, Percentiles scanned) {}

  Latencies variablesOf(List<Long> instances) throws IOException, InterruptedException {
    final Histogram indexed = new Histogram(3);
    final Histogram scanned = new Histogram(3);
    for (final long instance : instances) {
      time(indexed, "{\"filter\":{\"processInstanceKey\":\"%d\"}}".formatted(instance));
      time(scanned, "{\"filter\":{\"processInstanceKey\":{\"$gte\":\"%d\",\"$lte\":\"%d\"}}}".formatted(instance, instance));
    }
    return new Latencies(Percentiles.of(indexed), Percentiles.of(scanned));
  }

  private void time(Histogram latencies, String body) throws IOException, InterruptedException {
    final long start = System.nanoTime();
    final HttpResponse<String> response = http.send(HttpRequest.newBuilder(search)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || !response.body().contains("orderId")) {
      throw new IllegalStateException("variable search failed: " + response.statusCode() + " " + response.body());
    }
    latencies.recordValue((System.nanoTime() - start) / 1000);
  }
}
